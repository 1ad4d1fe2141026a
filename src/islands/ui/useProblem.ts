// The problem a screen shows from its last call to the API. Every answer goes through settle():
// a refusal is shown, and a call that worked clears the box, so an old error never stays on
// screen after later actions succeed (an officer was told "add the panel members", added them,
// and the red box still said so).
import { useCallback, useState } from 'react';
import type { ApiProblem, ApiResult } from '../../lib/api-call';

export interface Problem {
  problem?: ApiProblem;
  /** Shows a problem found without a call (or clears it with undefined). */
  show: (problem: ApiProblem | undefined) => void;
  /** Shows the refusal, or clears the box when the call worked; answers whether it worked. */
  settle: <T>(result: ApiResult<T>) => result is { ok: true; data: T };
}

export function useProblem(): Problem {
  const [problem, show] = useState<ApiProblem>();
  const settle = useCallback(<T>(result: ApiResult<T>): result is { ok: true; data: T } => {
    show(result.ok ? undefined : result);
    return result.ok;
  }, []);
  return { problem, show, settle };
}
