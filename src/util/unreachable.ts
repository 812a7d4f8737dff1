/** Put in the `default:` of a switch over a union so that a new member is a compile error. */
export function unreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
