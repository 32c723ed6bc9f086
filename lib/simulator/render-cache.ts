import type { RenderSpec } from "./render-image";

const cachedRenders = 32;

/**
 * Renders are deterministic, so repeats of a spec (load tests send the same prompt and seed) reuse
 * the bytes: the CPU a real upstream spends is not ours, and the simulator should not spend it either.
 */
export function cachedRender(render: (spec: RenderSpec) => Promise<Buffer>): (spec: RenderSpec) => Promise<Buffer> {
  const cache = new Map<string, Promise<Buffer>>();
  return (spec) => {
    const key = JSON.stringify([spec.prompt, spec.seed, spec.model, spec.width, spec.height, spec.format]);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const rendered = render(spec);
    cache.set(key, rendered);
    rendered.catch(() => cache.delete(key));
    if (cache.size > cachedRenders) cache.delete(cache.keys().next().value!);
    return rendered;
  };
}
