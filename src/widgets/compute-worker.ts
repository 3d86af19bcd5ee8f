/// <reference lib="webworker" />
/**
 * The Web Worker behind `compute: "worker"` specs: loads the spec by id and
 * runs its `data` on the values it is sent (already validated by the page).
 */
import { loadSpec } from "../figures/registry";
import type { ComputeRequest, ComputeResponse } from "./compute";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener("message", async (event: MessageEvent<ComputeRequest>) => {
  const { id, specId, values } = event.data;
  let response: ComputeResponse;
  try {
    const spec = await loadSpec(specId);
    if (spec.dataInStages) {
      // Every stage but the last goes out as it is ready; the last is the answer.
      let last: unknown;
      let started = false;
      for (const stage of spec.dataInStages(values)) {
        if (started) scope.postMessage({ id, stage: last } satisfies ComputeResponse);
        last = stage;
        started = true;
      }
      response = { id, data: last };
    } else {
      response = { id, data: spec.data(values) };
    }
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
});
