// A stand-in for a value a beforeAll hook makes: it reads through to the value once the hook has set it, so a test
// file can name it at the top level and use it inside tests and hooks.
export function readThrough<T extends object>(current: () => T | undefined, what: string): T {
  const target = () => {
    const value = current();
    if (!value) throw new Error(`${what} is only available inside tests and hooks`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_stub, prop) => Reflect.get(target(), prop),
    has: (_stub, prop) => Reflect.has(target(), prop),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_stub, prop) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), prop);
      // A proxy may only report configurable properties its (empty) stand-in target does not have.
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
