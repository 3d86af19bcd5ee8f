/**
 * Where a widget's data is computed. Most specs compute on the page (well
 * under a frame); a spec with `compute: "worker"` computes in a Web Worker so
 * the page never freezes. A newer request replaces an older one: the busy
 * worker is terminated (a running computation cannot be interrupted any
 * other way without cross-origin isolation) and a fresh one takes the new
 * request.
 */
import type { AnyFigureSpec } from "../figures/figure-spec";
import { figureData } from "../figures/figure-data";

export interface Computer {
  /** The data for these values; `onStage` receives the intermediate stages of a staged computation. */
  compute(values: Record<string, unknown>, onStage?: (stage: unknown) => void): Promise<unknown>;
  destroy(): void;
}

/** Thrown (and ignored) when a newer request replaced this one. */
export class Superseded extends Error {
  constructor() {
    super("superseded by a newer request");
  }
}

export interface ComputeRequest {
  id: number;
  specId: string;
  values: Record<string, unknown>;
}
export type ComputeResponse = { id: number; data: unknown } | { id: number; stage: unknown } | { id: number; error: string };

export function computerFor(spec: AnyFigureSpec): Computer {
  if (spec.compute !== "worker") {
    return { compute: async (values) => figureData(spec, values), destroy() {} };
  }
  let worker: Worker | undefined;
  let pending: { id: number; resolve: (data: unknown) => void; reject: (e: Error) => void; onStage?: (stage: unknown) => void } | undefined;
  let nextId = 0;
  const spawn = () => {
    const w = new Worker(new URL("./compute-worker.ts", import.meta.url), { type: "module", name: `figure ${spec.id}` });
    w.addEventListener("message", (event: MessageEvent<ComputeResponse>) => {
      const r = event.data;
      if (!pending || r.id !== pending.id) return;
      if ("stage" in r) {
        pending.onStage?.(r.stage);
        return;
      }
      const { resolve, reject } = pending;
      pending = undefined;
      if ("error" in r) reject(new Error(r.error));
      else resolve(r.data);
    });
    w.addEventListener("error", (event) => {
      const p = pending;
      pending = undefined;
      p?.reject(new Error(event.message || "the computation stopped"));
    });
    return w;
  };
  return {
    compute(values, onStage) {
      if (pending) {
        worker?.terminate();
        worker = undefined;
        pending.reject(new Superseded());
        pending = undefined;
      }
      worker ??= spawn();
      const id = ++nextId;
      const request: ComputeRequest = { id, specId: spec.id, values };
      return new Promise((resolve, reject) => {
        pending = { id, resolve, reject, onStage };
        worker!.postMessage(request);
      });
    },
    destroy() {
      worker?.terminate();
      worker = undefined;
      pending?.reject(new Superseded());
      pending = undefined;
    },
  };
}
