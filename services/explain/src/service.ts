import { endpoints, type Explanation, type Language, type Score } from '@octroi/contracts';
import { DomainError } from '@octroi/model-bundle';
import type { Cache, HandlerContext, ServiceDefinition } from '@octroi/runtime';
import { counterfactual } from './counterfactual.ts';
import type { ExplainerContext } from './explainer-context.ts';
import { dependence, shapSummary } from './global.ts';
import { whatIf } from './what-if.ts';

export const SERVICE_VERSION = '1.0.0';

const nullIfNaN = (value: number) => (Number.isNaN(value) ? null : value);

/** The recorded decision, with its id, in place of the one the explanation computed. */
const withDecision = (explanation: Explanation, score: Score): Explanation => ({
  ...explanation,
  decision: score.decision,
  ...(score.decisionId ? { decisionId: score.decisionId } : {}),
});

/** Explanations on the bus. Known clients' explanations are cached by model version, client and language. */
export function explainService(context: ExplainerContext, cache: Cache): ServiceDefinition<typeof endpoints.explain> {
  const { explainer, derive, importance } = context;

  const knownFeature = (name: string, field: string) => {
    if (!explainer.featureIndex.has(name))
      throw DomainError.badRequest(`${field}: the model has no feature "${name}"`, field);
    return name;
  };

  /** The scoring service has the final word on a changed application (it runs the ONNX model). */
  const rescoreWith =
    (ctx: HandlerContext, clientId: number) => async (changes: Record<string, string | number | null>) => {
      const client = context.client(clientId);
      const features = Array.from(context.withChanges(client, changes), nullIfNaN);
      return ctx.request(endpoints.scoring.score, { features, simulation: true });
    };

  return {
    name: 'explain',
    version: SERVICE_VERSION,
    description: 'Exact TreeSHAP explanations, reasons in words, what-if and counterfactuals',
    modelVersion: explainer.modelVersion,
    endpoints: endpoints.explain,
    handlers: {
      // An explanation shows a decision: the one the scoring service recorded, with its id.
      client: async ({ clientId, language = 'fr' }, ctx) => {
        const explanation = await cache.getOrCompute(`explanation:${clientId}:${language}`, async () =>
          explainer.explain(context.client(clientId).features, { clientId, language }),
        );
        return withDecision(explanation, await ctx.request(endpoints.scoring.scoreClient, { clientId }));
      },
      application: async ({ application, language = 'fr' }, ctx) => {
        const features = context.deriveChecked(application, 'application');
        const { scores } = await ctx.request(endpoints.scoring.scoreApplications, { applications: [application] });
        return withDecision(explainer.explain(features, { language }), scores[0]!);
      },
      global: ({ language = 'fr' }) => importance.report(language),
      summary: ({ top, points, language = 'fr' }) => shapSummary(importance, top, points, language),
      dependence: ({ feature, color, points, language = 'fr' }) =>
        dependence(
          importance,
          knownFeature(feature, 'feature'),
          color === undefined ? undefined : knownFeature(color, 'color'),
          points,
          language,
        ),
      whatIf: ({ clientId, changes, language = 'fr' }) => {
        const client = context.client(clientId);
        context.checkChanges(client, changes);
        return whatIf(explainer, derive, { clientId, raw: client.raw, features: client.features, changes, language });
      },
      counterfactual: ({ clientId, language = 'fr' }: { clientId: number; language?: Language }, ctx) => {
        const client = context.client(clientId);
        return counterfactual(
          explainer,
          derive,
          { clientId, raw: client.raw, features: client.features, language },
          { rescore: rescoreWith(ctx, clientId) },
        );
      },
    },
  };
}
