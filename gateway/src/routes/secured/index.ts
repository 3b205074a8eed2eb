import type { FastifyPluginAsync } from 'fastify';
import autohooks from './autohooks.ts';
import batches from './batches/index.ts';
import clients from './clients/index.ts';
import explanations from './explanations/index.ts';
import inferenceV2 from './inference-v2/index.ts';
import models from './models/index.ts';
import monitoring from './monitoring/index.ts';
import officer from './officer/index.ts';
import scores from './scores/index.ts';
import seed from '../seed/index.ts';
import { secured } from '../schemas.ts';

/** The routes that need an API key or a session, in one encapsulated scope that `autohooks.ts` authenticates. */
const securedRoutes: FastifyPluginAsync = async (app) => {
  await app.register(autohooks);
  await app.register(clients);
  await app.register(scores);
  await app.register(explanations);
  await app.register(seed, { operationPrefix: 'seed', security: secured });
  await app.register(inferenceV2);
  await app.register(monitoring);
  await app.register(batches);
  await app.register(officer);
  await app.register(models);
};

export default securedRoutes;
