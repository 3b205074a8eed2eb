import { endpoints, type Explanation, type Language, type Score } from '@octroi/contracts';
import { DomainError } from '@octroi/model-bundle';
import type { HandlerContext, ServedModels, ServiceDefinition } from '@octroi/runtime';
import { counterfactual } from './counterfactual.ts';
import type { ExplainModel } from './explain-models.ts';
import type { ExplainerContext } from './explainer-context.ts';
import { dependence, shapSummary } from './global.ts';
import { whatIf } from './what-if.ts';

export const SERVICE_VERSION = '1.1.0';

const nullIfNaN = (value: number) => (Number.isNaN(value) ? null : value);

/** The recorded decision, with its id, in place of the one the explanation computed. */
const withDecision = (explanation: Explanation, score: Score): Explanation => ({
  ...explanation,
  decision: score.decision,
  ...(score.decisionId ? { decisionId: score.decisionId } : {}),
});

/**
 * Explanations on the bus, by the champion model. Each request takes its model when it starts and keeps it to the
 * end, so a promotion never mixes two models in one answer; an explanation of a decision is computed by the model
 * version that decided, which, for a second after a promotion, may be the champion before. Known clients'
 * explanations are cached by model version, client and language.
 */
export function explainService(models: ServedModels<ExplainModel>): ServiceDefinition<typeof endpoints.explain> {
  const champion = () => models.champion().model;
  /** The model of a version: the champion, the champion before it (still loaded), or any bundle of the catalogue. */
  const modelOf = async (version: string) => {
    const current = models.champion();
    return current.version === version ? current.model : models.version(version);
  };

  const knownFeature = (context: ExplainerContext, name: string, field: string) => {
    if (!context.explainer.featureIndex.has(name))
      throw DomainError.badRequest(`${field}: the model has no feature "${name}"`, field);
    return name;
  };

  /** The scoring service has the final word on a changed application: it runs the ONNX model of this version. */
  const rescoreWith =
    (ctx: HandlerContext, context: ExplainerContext, clientId: number) =>
    async (changes: Record<string, string | number | null>) => {
      const client = context.client(clientId);
      const features = Array.from(context.withChanges(client, changes), nullIfNaN);
      return ctx.request(endpoints.scoring.score, {
        features,
        simulation: true,
        modelVersion: context.bundle.version,
      });
    };

  return {
    name: 'explain',
    version: SERVICE_VERSION,
    description: 'Exact TreeSHAP explanations, reasons in words, what-if and counterfactuals',
    modelVersion: models.champion().version,
    endpoints: endpoints.explain,
    handlers: {
      // An explanation shows a decision: the one the scoring service recorded, with its id, explained by its model.
      client: async ({ clientId, language = 'fr' }, ctx) => {
        const score = await ctx.request(endpoints.scoring.scoreClient, { clientId });
        const { context, cache } = await modelOf(score.modelVersion);
        const explanation = await cache.getOrCompute(`explanation:${clientId}:${language}`, async () =>
          context.explainer.explain(context.client(clientId).features, { clientId, language }),
        );
        return withDecision(explanation, score);
      },
      application: async ({ application, language = 'fr' }, ctx) => {
        // Bad input is answered before anything is decided.
        champion().context.deriveChecked(application, 'application');
        const { scores } = await ctx.request(endpoints.scoring.scoreApplications, { applications: [application] });
        const { context } = await modelOf(scores[0]!.modelVersion);
        const features = context.deriveChecked(application, 'application');
        return withDecision(context.explainer.explain(features, { language }), scores[0]!);
      },
      global: ({ language = 'fr' }) => champion().context.importance.report(language),
      summary: ({ top, points, language = 'fr' }) => shapSummary(champion().context.importance, top, points, language),
      dependence: ({ feature, color, points, language = 'fr' }) => {
        const { context } = champion();
        return dependence(
          context.importance,
          knownFeature(context, feature, 'feature'),
          color === undefined ? undefined : knownFeature(context, color, 'color'),
          points,
          language,
        );
      },
      whatIf: ({ clientId, application, changes, language = 'fr' }) => {
        const { context } = champion();
        const applicant = context.applicant(clientId, application);
        context.checkChanges(applicant, changes);
        return whatIf(context.explainer, context.derive, { ...applicant, changes, language });
      },
      counterfactual: ({ clientId, language = 'fr' }: { clientId: number; language?: Language }, ctx) => {
        const { context } = champion();
        const client = context.client(clientId);
        return counterfactual(
          context.explainer,
          context.derive,
          { clientId, raw: client.raw, features: client.features, language },
          {
            rescore: rescoreWith(ctx, context, clientId),
            plausible: (raw) => context.plausibleLoan(raw),
            actionable: (field) => context.actionable(field),
          },
        );
      },
    },
  };
}
