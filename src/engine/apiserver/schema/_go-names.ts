// Go type names as encoding/json prints them in "cannot unmarshal … of type <T>" messages.
import type { TypeNode } from './type-node.js';

const MODEL_NAME = /^(?:[A-Z][a-z]+)?(V\d+(?:alpha\d+|beta\d+)?)([A-Z].*)$/;

/** The Go struct name of a client-node model: `V1DeploymentSpec` → `DeploymentSpec`, `CoreV1Event` → `Event`. */
export function goStructName(model: string): string {
  return MODEL_NAME.exec(model)?.[2] ?? model;
}

/** The package-qualified Go type of a model: `V1PodSpec` → `v1.PodSpec`, `V2HorizontalPodAutoscaler` → `v2.…`. */
export function goQualifiedName(model: string): string {
  const m = MODEL_NAME.exec(model);
  return m?.[1] !== undefined && m[2] !== undefined ? `${m[1].toLowerCase()}.${m[2]}` : model;
}

/** The Go type a node decodes into: `int32`, `[]v1.Container`, `map[string]string`, `v1.ResourceList`, … */
export function goTypeName(node: TypeNode): string {
  switch (node.t) {
    case 'object': return goQualifiedName(node.name);
    case 'array': return `[]${goTypeName(node.items)}`;
    case 'map': return node.values.t === 'quantity' ? 'v1.ResourceList' : `map[string]${goTypeName(node.values)}`;
    case 'string': return node.format === 'byte' ? '[]uint8' : 'string';
    case 'integer': return node.format === 'int64' ? 'int64' : 'int32';
    case 'number': return 'float64';
    case 'boolean': return 'bool';
    case 'time': return node.format === 'date-time-micro' ? 'v1.MicroTime' : 'v1.Time';
    case 'intOrString': return 'intstr.IntOrString';
    case 'quantity': return 'resource.Quantity';
    case 'any': return 'interface {}';
  }
}
