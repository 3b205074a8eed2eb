import { decisionIds, type endpoints } from '@octroi/contracts';
import type { AuditLog, Handler, HandlerContext } from '@octroi/runtime';
import type { ModelLifecycle, RoleChange } from './model-lifecycle.ts';

type Scoring = typeof endpoints.scoring;

/** Who changed a role and why: the administrator the gateway authenticated, their reason, and the request. */
const askerOf = (ctx: HandlerContext, reason: string | undefined) => ({
  principal: ctx.principal ?? 'internal',
  requestId: ctx.requestId,
  reason: reason ?? null,
});

/** The lifecycle endpoints of the scoring service: list the bundles, promote one, retire the challenger. */
export function lifecycleHandlers(lifecycle: ModelLifecycle): {
  models: Handler<Scoring['models']>;
  promote: Handler<Scoring['promote']>;
  retireChallenger: Handler<Scoring['retireChallenger']>;
} {
  return {
    models: () => lifecycle.list(),
    promote: ({ version, role, reason }, ctx) => lifecycle.promote(version, role, askerOf(ctx, reason)),
    retireChallenger: ({ reason }, ctx) => lifecycle.retireChallenger(askerOf(ctx, reason)),
  };
}

/** A change of role as the audit log keeps it, with an id of its own; resolves once it is durable. */
export function roleChangeRecorder(audit: AuditLog) {
  return async ({ role, version, previous, asker, time }: RoleChange): Promise<string> => {
    const [decisionId] = decisionIds(1);
    await audit.append([
      {
        kind: 'model-role',
        decisionId: decisionId!,
        requestId: asker.requestId,
        time,
        principal: asker.principal,
        role,
        modelVersion: version,
        previousVersion: previous,
        reason: asker.reason,
      },
    ]);
    return decisionId!;
  };
}
