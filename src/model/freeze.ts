/**
 * Freezes a value and everything it holds (objects, arrays, decimals), so
 * that what the library hands out cannot change what it answers later.
 * `Date` objects are frozen too, but a `Date` keeps its `setTime`: the
 * library reads every instant it relies on into a number beforehand.
 *
 * @example Object.isFrozen(deepFreeze({ list: [1] }).list); // => true
 */
export function deepFreeze<T>(value: T): T {
  const seen = new WeakSet<object>();
  const visit = (item: unknown): void => {
    if (typeof item !== 'object' || item === null || seen.has(item) || ArrayBuffer.isView(item) || Object.isFrozen(item)) return;
    seen.add(item);
    for (const key of Reflect.ownKeys(item)) visit((item as Record<PropertyKey, unknown>)[key]);
    Object.freeze(item);
  };
  visit(value);
  return value;
}
