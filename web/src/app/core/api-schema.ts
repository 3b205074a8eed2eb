/* Generated from the gateway OpenAPI document by `npm run openapi`: do not edit. */
export interface paths {
    "/api/v1/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your batch jobs, newest first (every job for an administrator) */
        get: operations["listBatches"];
        put?: never;
        /**
         * Upload a file of applications, with their history tables if you have them; 202 with the job
         * @description CSV with a header line (Home Credit's application columns; other columns are ignored) or JSON lines (one application a line, as POST /api/v1/score takes it, history tables included), up to 1,000,000 applications and 3 GiB. Send the file as the body, or as the `applications` part of a multipart/form-data body whose other parts are the applicants' history tables as CSV files (bureau, bureau_balance, previous_application, POS_CASH_balance, installments_payments, credit_card_balance), linked by SK_ID_CURR (SK_ID_BUREAU for bureau_balance): their rows are checked and aggregated as POST /api/v1/score does with the tables of one application. A row that breaks an intake rule, or whose applicant's history rows do, gets no decision: its line in the results says why. Every decision is kept in the audit log.
         */
        post: operations["submitBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch job: rows read, done and failed, decisions, rate, time left and progress over time */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A finished job's results as CSV, one line per application in the file's order
         * @description Columns: ROW, SK_ID_CURR, PROBABILITY_OF_DEFAULT, DECISION, DECISION_ID, ERROR. A row that could not be scored has ERROR and no decision. 409 while the job is not done.
         */
        get: operations["getBatchResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page through applicants, with search by id and filters */
        get: operations["listClients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An applicant's file, fields grouped and labelled for reading */
        get: operations["getClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/counterfactual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The smallest change of the request that would grant a refused client */
        get: operations["getCounterfactual"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/decision-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's decisions of record, newest first: the model's, with its version, and the officers' */
        get: operations["getDecisionHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why this decision: exact SHAP contributions and reasons in words */
        get: operations["explainClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Probability of default and decision for a known applicant
         * @description Decided and recorded in the audit log once per model version; asked for again, the recorded decision is answered, with its decisionId.
         */
        get: operations["scoreKnownClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The most similar applicants, with their outcome and score */
        get: operations["getSimilarClients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One decision from the audit log */
        get: operations["getDecision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/explanations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide on a new application, record the decision and explain it */
        post: operations["explainApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/explanations/dependence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SHAP value against feature value, coloured by a second feature */
        get: operations["getShapDependence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/explanations/global": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mean |SHAP| per feature over the served applicants */
        get: operations["getGlobalImportance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/explanations/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SHAP summary (beeswarm) of the top features */
        get: operations["getShapSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model: version, quality, threshold, cost weights, features with descriptions and importance */
        get: operations["getModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/model/referral-band": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many clients the referral band sends to an officer, and what deciding them automatically would cost */
        get: operations["getReferralBand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model bundles the deployment holds, with their role (champion, challenger) and quality */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/challenger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Make a bundle the challenger: it scores live applications in shadow (administrators only)
         * @description Shadow scores are recorded as such, never decided on, never answered, and never delay the answer.
         */
        put: operations["setChallenger"];
        post?: never;
        /** Stop the challenger scoring in shadow (administrators only) */
        delete: operations["retireChallenger"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/champion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Make a bundle the champion: it decides from now on (administrators only); a rollback is the same call
         * @description Every scoring and explain replica switches within a second; requests in flight finish on the version they started with. The promotion and each replica switch are recorded in the audit log.
         */
        put: operations["promoteChampion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/comparison": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The challenger against the champion on the same live applications
         * @description Decision agreement, score differences in percentage points, and the latest applications the challenger would have decided otherwise; one comparison per champion and challenger pair, the latest first.
         */
        get: operations["getShadowComparison"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitoring/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Decision mix over time (granted, referred, refused, overridden) and approval by gender and age band */
        get: operations["getDecisionMix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitoring/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Population stability index of the score and of every feature, live applications against training
         * @description Over a rolling window (1h, 1d, 7d) ending now, for one model version (by default the one that decided last). Stable below 0.1, to watch from 0.1, to act on from 0.25.
         */
        get: operations["getDrift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitoring/drift/{variable}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One feature's (or the score's) live shares beside its training shares, bin by bin */
        get: operations["getVariableDrift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/officer-decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm or override the model's decision, with the lender's reason and a justification
         * @description Kept append-only beside the decision of record (officer, time, model version) and recorded in the audit log; a referred application so decided leaves the review queue. 409 when another officer's decision took the same place a moment before: reload the history and decide again.
         */
        post: operations["recordOfficerDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How often officers override the model: by officer, by reason and week by week (administrators only) */
        get: operations["getOverridesReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/population-sample": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sample of applicants on two features, for a bivariate plot */
        get: operations["getPopulationSample"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/population/{feature}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Distribution of a feature among repaid and defaulted applicants, with a client's place in it */
        get: operations["getPopulation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The referred applications no officer has decided yet, the oldest first, with who took each */
        get: operations["listReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{decisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A referred application as the officer reviews it: the decision, the application, its reviews */
        get: operations["getReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{decisionId}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Give back a referred application you took: it goes back to the queue for every officer at once
         * @description Only the officer who holds it may give it back, or an administrator. Nothing is decided or audited. 403 when another officer holds it; 404 when the decision was never referred; 409 when it is decided already, when nobody holds it, or when your claim lapsed and another officer took it.
         */
        delete: operations["releaseReview"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the oldest referred application no other officer holds (the one you hold comes first)
         * @description The officer holds it for REVIEW_CLAIM_MINUTES (30 by default): no other officer is given it meanwhile. `referral` is null when none waits.
         */
        post: operations["takeNextReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score one new application, or several under "applications"
         * @description Home Credit application fields, and optionally the applicant's history tables, in; probability of default and decision out. An application that breaks an intake rule gets a 400 listing every problem, and no decision. Every decision is kept in the audit log.
         */
        post: operations["scoreApplications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getSession"];
        put?: never;
        /**
         * Sign in
         * @description After five wrong passwords in a row an account is locked, one second after the sixth, then twice as long after each further one (up to 15 minutes): 429 with Retry-After, whatever the password.
         */
        post: operations["signIn"];
        /**
         * Sign out
         * @description Ends the session on every gateway replica: the cookie, even copied, no longer opens anything.
         */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rescore a known client, or a new application with its history, with some loan terms changed */
        post: operations["simulateWhatIf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_correlation/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Correlations between the outcome and a few application fields */
        get: operations["seedGetCorrelation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_feature_importance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model's features by importance (total gain) */
        get: operations["seedGetFeatureImportance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_feature/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One application field (or TARGET) for every client, in the order of the ids */
        get: operations["seedGetColumn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_id_client": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every served client id, ascending */
        get: operations["seedGetClientIds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_info_client/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A known client's application */
        get: operations["seedGetClientInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_score/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A known client's probabilities of repaying and of default */
        get: operations["seedGetScore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The gateway process answers */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/legacy/{legacyKey}/get_correlation/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Correlations between the outcome and a few application fields */
        get: operations["legacyGetCorrelation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/legacy/{legacyKey}/get_feature_importance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model's features by importance (total gain) */
        get: operations["legacyGetFeatureImportance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/legacy/{legacyKey}/get_feature/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One application field (or TARGET) for every client, in the order of the ids */
        get: operations["legacyGetColumn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/legacy/{legacyKey}/get_id_client": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every served client id, ascending */
        get: operations["legacyGetClientIds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/legacy/{legacyKey}/get_info_client/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A known client's application */
        get: operations["legacyGetClientInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/legacy/{legacyKey}/get_score/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A known client's probabilities of repaying and of default */
        get: operations["legacyGetScore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready when every service answered a ping over the bus and the durable store answers */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server metadata */
        get: operations["v2ServerMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server answers */
        get: operations["v2ServerLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every service answers */
        get: operations["v2ServerReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model metadata */
        get: operations["v2ModelMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{model}/infer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Probabilities and decisions for rows of engineered features; each row is a decision, audited */
        post: operations["v2ModelInfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{model}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model is loaded and served */
        get: operations["v2ModelReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{model}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model metadata */
        get: operations["v2ModelMetadataVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{model}/versions/{version}/infer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Probabilities and decisions for rows of engineered features; each row is a decision, audited */
        post: operations["v2ModelInferVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{model}/versions/{version}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model is loaded and served */
        get: operations["v2ModelReadyVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** BatchJob */
        BatchJob: {
            /** Format: date-time */
            createdAt: string;
            decisions: {
                granted: number;
                referred: number;
                refused: number;
            };
            /** @description Seconds until every row is done at the current rate; null when unknown */
            etaSeconds: number | null;
            files: {
                bytes: number;
                /** @description "applications", or the history table the file holds */
                name: string;
            }[];
            finishedAt: string | null;
            format: "csv" | "jsonl";
            /** @description Identifier of a batch job, made by the server when the file is received */
            id: string;
            /** @description Why the job failed */
            problem?: string;
            /** @description Rows done over time, for a chart */
            progress: components["schemas"]["BatchProgressPoint"][];
            rows: {
                /** @description Rows with their result: scored or failed */
                done: number;
                /** @description Rows that broke an intake rule: their results say why */
                failed: number;
                /** @description Rows read from the file and queued so far */
                read: number;
                scored: number;
                /** @description Rows in the file; null until it has been read through */
                total: number | null;
            };
            /** @description Rows done per second since the job started */
            rowsPerSecond: number | null;
            startedAt: string | null;
            /** @description queued: waiting for a scoring replica; running: being read and scored; done: every row has its result */
            state: "queued" | "running" | "done" | "failed";
            /** @description The API key name or the user who sent the file */
            submittedBy: string;
        };
        /** BatchJobList */
        BatchJobList: {
            jobs: components["schemas"]["BatchJob"][];
        };
        /** BatchProgressPoint */
        BatchProgressPoint: {
            rows: number;
            /** @description Seconds since the job started */
            seconds: number;
        };
        /** ClientPage */
        ClientPage: {
            items: components["schemas"]["ClientSummary"][];
            page: number;
            pageSize: number;
            total: number;
        };
        /** ClientRecord */
        ClientRecord: {
            /** @description SK_ID_CURR of the applicant */
            clientId: number;
            decision: "granted" | "refused" | "referred";
            groups: {
                fields: components["schemas"]["LabelledField"][];
                group: "identity" | "family" | "income_credit" | "employment" | "housing" | "external_scores" | "documents" | "contact" | "other";
                label: string;
            }[];
            knownOutcome: "repaid" | "defaulted" | null;
            probabilityOfDefault: number;
        };
        /** ClientSummary */
        ClientSummary: {
            ageYears: number | null;
            /** @description SK_ID_CURR of the applicant */
            clientId: number;
            contractType: string | null;
            creditAmount: number | null;
            decision: "granted" | "refused" | "referred";
            incomeTotal: number | null;
            knownOutcome: "repaid" | "defaulted" | null;
            probabilityOfDefault: number;
        };
        /** Contribution */
        Contribution: {
            /** @description SHAP value in log-odds; positive pushes toward default */
            contribution: number;
            /** @description The value formatted for reading, category names resolved */
            displayValue: string;
            feature: string;
            /** @description Readable name of the feature in the requested language */
            label: string;
            /** @description The engineered feature value (null when missing) */
            value: number | null;
        };
        /** Counterfactual */
        Counterfactual: {
            changes: {
                field: string;
                from: number | string | null;
                label: string;
                to: number | string | null;
            }[];
            /** @description SK_ID_CURR of the applicant */
            clientId: number;
            found: boolean;
            /** @default fr */
            language: "fr" | "en";
            /** @description How the suggestion changes the loan */
            lever?: "longerTerm" | "downPayment" | "cheaperGoods" | "smallerLoan" | "smallerLoanLongerTerm";
            /** @description The suggestion, or why there is none, in plain language */
            message: string;
            original: {
                decision: "granted" | "refused" | "referred";
                probabilityOfDefault: number;
            };
            result: {
                decision: "granted" | "refused" | "referred";
                probabilityOfDefault: number;
                verifiedByScoring: boolean;
            } | null;
            /**
             * @description A simulation: what the model would answer, never a decision, never recorded
             * @enum {boolean}
             */
            simulation: true;
        };
        /** DecisionHistory */
        DecisionHistory: {
            /** @description SK_ID_CURR of the applicant */
            clientId: number;
            /** @description The client's decisions of record, one per model version that decided, newest first */
            decisions: components["schemas"]["ReviewedDecision"][];
        };
        /** DecisionMix */
        DecisionMix: {
            /** @description Live model decisions */
            decisions: number;
            granted: number;
            officerDecisions: number;
            /** @description Officer decisions reversing a granted or refused model decision */
            overrides: number;
            referred: number;
            refused: number;
        };
        /** DecisionMixPoint */
        DecisionMixPoint: {
            /** @description Live model decisions */
            decisions: number;
            /** Format: date-time */
            from: string;
            granted: number;
            officerDecisions: number;
            /** @description Officer decisions reversing a granted or refused model decision */
            overrides: number;
            referred: number;
            refused: number;
            /** Format: date-time */
            to: string;
        };
        /** DecisionMixReport */
        DecisionMixReport: {
            /** @description Bands in order: under-25, 25-40, 40-60, 60-and-over, unknown */
            byAgeBand: components["schemas"]["GroupApproval"][];
            byGender: components["schemas"]["GroupApproval"][];
            /** @description Consecutive periods covering the window, oldest first */
            series: components["schemas"]["DecisionMixPoint"][];
            total: components["schemas"]["DecisionMix"];
            /** @default 1d */
            window: "1h" | "1d" | "7d";
        };
        /** Dependence */
        Dependence: {
            color: string | null;
            colorLabel: string | null;
            feature: string;
            label: string;
            points: {
                colorValue: number | null;
                shap: number;
                value: number;
            }[];
        };
        /** DriftReport */
        DriftReport: {
            applications: number;
            /** @description Null before any live decision */
            modelVersion: string | null;
            thresholds: {
                act: number;
                minimumApplications: number;
                warn: number;
            };
            /** @description Highest index first */
            variables: components["schemas"]["VariableDrift"][];
            /** @description Model versions with decisions in the window */
            versions: string[];
            /** @default 1d */
            window: "1h" | "1d" | "7d";
        };
        /** ErrorBody */
        ErrorBody: {
            code: "bad_request" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "rate_limited" | "unavailable" | "timeout" | "internal";
            /** @description Every problem with the input, one per field at fault; `field` and `message` repeat the first */
            errors?: {
                /** @description Where the problem is: AMT_CREDIT, applications.3.DAYS_BIRTH, bureau.2.AMT_CREDIT_SUM, ... */
                field: string;
                /** @description The problem in English, for people */
                message: string;
                /** @description The figures the message quotes (limits, allowed values), for wording it in another language */
                params?: {
                    [key: string]: number | string;
                };
                /** @description A stable code: required, unknown_field, type, integer, category, min, max, age_range, annuity_le_credit, family_size, working_life, after_birth, unknown_credit, duplicate_id, other_client, too_many_rows, too_many_problems */
                rule: string;
            }[];
            /** @description The input field at fault, as a JSON pointer-like path */
            field?: string;
            /** @description What went wrong, in words a person can act on */
            message: string;
            requestId?: string;
        };
        /** ExplainApplicationRequest */
        ExplainApplicationRequest: {
            application: components["schemas"]["NewApplication"];
            /** @default fr */
            language: "fr" | "en";
        };
        /** Explanation */
        Explanation: {
            adverseReasons: components["schemas"]["Reason"][];
            /** @description SK_ID_CURR of the applicant */
            clientId?: number;
            /** @description Every feature, by decreasing absolute contribution */
            contributions: components["schemas"]["Contribution"][];
            decision: "granted" | "refused" | "referred";
            /** @description The recorded decision this explains, in the audit log */
            decisionId?: string;
            /** @description Mean raw score of the training data (log-odds) */
            expectedValue: number;
            favourableReasons: components["schemas"]["Reason"][];
            /** @default fr */
            language: "fr" | "en";
            modelVersion: string;
            probabilityOfDefault: number;
            /** @description expectedValue plus the sum of contributions (log-odds) */
            rawScore: number;
            threshold: number;
        };
        /** GlobalImportance */
        GlobalImportance: {
            features: {
                feature: string;
                label: string;
                meanAbsShap: number;
            }[];
            modelVersion: string;
            progress: number;
            /** @description Applicants the mean is taken over so far */
            rows: number;
            status: "ready" | "computing";
        };
        /** GroupApproval */
        GroupApproval: {
            /** @description Live model decisions */
            decisions: number;
            granted: number;
            group: string;
            referred: number;
            refused: number;
        };
        /** HistogramBin */
        HistogramBin: {
            defaulted: number;
            from: number;
            repaid: number;
            to: number;
        };
        /** LabelledField */
        LabelledField: {
            /** @description Column description from the data documentation */
            description: string;
            /** @description Readable label in the requested language */
            label: string;
            /** @description Column name in the Home Credit data */
            name: string;
            value: number | string | null;
        };
        /** LenderPolicy */
        LenderPolicy: {
            /** @description The raw fields a what-if or counterfactual may change */
            actionable: string[];
            /** @description Fields whose groups are compared for fairness */
            monitoredAttributes: string[];
            /** @description Never offered in what-if or counterfactuals */
            nonActionable: string[];
            /** @description Never model inputs, directly or derived; kept as raw fields for fairness measurement only */
            protectedAttributes: string[];
            /** @description Why a field is listed, in words */
            reasons: {
                [key: string]: string;
            };
            referral: {
                /** @description Probability points either side of the threshold where an officer decides */
                band: number;
            };
            version: number;
        };
        /** ModelDecisionSummary */
        ModelDecisionSummary: {
            decision: "granted" | "refused" | "referred";
            /** @description Identifier of a decision in the audit log (a UUIDv7 made by the server) */
            decisionId: string;
            modelVersion: string;
            probabilityOfDefault: number;
            threshold: number;
            /** Format: date-time */
            time: string;
        };
        /** ModelFeature */
        ModelFeature: {
            categories?: string[];
            description: string;
            importanceGain: number;
            index: number;
            kind: "numeric" | "categorical";
            label?: {
                en: string;
                fr: string;
            };
            name: string;
            source: string;
        };
        /** ModelInfo */
        ModelInfo: {
            /** @description The application fields a new application may hold (intake rules: see the NewApplication schema) */
            applicationFields: {
                categories?: string[];
                name: string;
                required: boolean;
                type: "number" | "string";
            }[];
            costFalseNegative: number;
            costFalsePositive: number;
            createdAt: string;
            features: components["schemas"]["ModelFeature"][];
            /** @description The history tables a new application may carry */
            historyTables: {
                columns: {
                    categories?: string[];
                    name: string;
                    type: "number" | "string";
                }[];
                description: string;
                /** @description The Home Credit file name without .csv, the key of the table in a request */
                name: string;
                /** @description Columns every row must give */
                required: string[];
            }[];
            /** @description The bundle metrics.json as written at training */
            metrics: {
                [key: string]: unknown;
            };
            name: string;
            policy: components["schemas"]["LenderPolicy"];
            threshold: number;
            trainedOn: string;
            version: string;
        };
        /** ModelList */
        ModelList: {
            challenger: string | null;
            champion: string;
            /** @description Newest first */
            models: components["schemas"]["ModelSummary"][];
        };
        /** ModelSummary */
        ModelSummary: {
            by: string | null;
            createdAt: string;
            metrics: {
                auc: number | null;
                costPerApplicant: number | null;
                precision: number | null;
                recall: number | null;
                threshold: number;
            };
            name: string;
            reason: string | null;
            role: ("champion" | "challenger") | null;
            since: string | null;
            trainedOn: string;
            version: string;
        };
        /**
         * NewApplication
         * @description Home Credit application fields (AMT_INCOME_TOTAL, AMT_CREDIT, DAYS_BIRTH, ...), a missing field is a missing value; required: NAME_CONTRACT_TYPE, AMT_CREDIT, AMT_ANNUITY, AMT_INCOME_TOTAL, NAME_INCOME_TYPE, DAYS_BIRTH, CNT_FAM_MEMBERS, NAME_EDUCATION_TYPE, NAME_HOUSING_TYPE. History (optional): bureau, bureau_balance, previous_application, POS_CASH_balance, installments_payments, credit_card_balance, arrays of rows in the columns of the Home Credit files
         */
        NewApplication: {
            /** @description Credits reported by other lenders (bureau.csv); each row requires CREDIT_ACTIVE, CREDIT_TYPE, DAYS_CREDIT */
            bureau?: {
                [key: string]: number | string | null;
            }[];
            /** @description Monthly status of each credit reported by other lenders (bureau_balance.csv), linked to bureau by SK_ID_BUREAU; each row requires SK_ID_BUREAU, MONTHS_BALANCE, STATUS */
            bureau_balance?: {
                [key: string]: number | string | null;
            }[];
            /** @description Monthly snapshots of previous credit cards at this lender (credit_card_balance.csv); each row requires MONTHS_BALANCE */
            credit_card_balance?: {
                [key: string]: number | string | null;
            }[];
            /** @description Repayments of previous loans at this lender (installments_payments.csv); each row requires DAYS_INSTALMENT, AMT_INSTALMENT */
            installments_payments?: {
                [key: string]: number | string | null;
            }[];
            /** @description Monthly snapshots of previous shop and cash loans (POS_CASH_balance.csv); each row requires SK_ID_PREV, MONTHS_BALANCE, NAME_CONTRACT_STATUS */
            POS_CASH_balance?: {
                [key: string]: number | string | null;
            }[];
            /** @description The applicant's previous applications to this lender (previous_application.csv); each row requires NAME_CONTRACT_TYPE, NAME_CONTRACT_STATUS, DAYS_DECISION */
            previous_application?: {
                [key: string]: number | string | null;
            }[];
        } & {
            [key: string]: number | string | null;
        };
        /** OfficerDecision */
        OfficerDecision: {
            /** @description SK_ID_CURR of the applicant */
            clientId?: number;
            decision: "granted" | "refused";
            /** @description The model's decision it reviews */
            decisionId: string;
            justification: string;
            modelDecision: "granted" | "refused" | "referred";
            modelVersion: string;
            officer: {
                displayName: string;
                username: string;
            };
            /** @description This decision's id in the audit log (GET /api/v1/decisions/{id}) */
            officerDecisionId: string;
            /** @description True when it reverses the model's grant or refusal (deciding a referral is not an override) */
            override: boolean;
            probabilityOfDefault: number;
            /** @description The lender's reason, from its list */
            reasonCode: "documents-verified" | "additional-income" | "guarantor-or-collateral" | "stable-employment" | "payment-incidents" | "debt-burden" | "inconsistent-information" | "policy-exception" | "other";
            /** @description Order of the officer decisions on one model decision: a later one supersedes, none is erased */
            sequence: number;
            /** Format: date-time */
            time: string;
        };
        /** OfficerDecisionRequest */
        OfficerDecisionRequest: {
            decision: "granted" | "refused";
            /** @description The model's decision this one reviews */
            decisionId: string;
            /** @description Why, in the officer's words, for the client's file and for audit (at least 20 characters besides blanks) */
            justification: string;
            /** @description The lender's reason, from its list */
            reasonCode: "documents-verified" | "additional-income" | "guarantor-or-collateral" | "stable-employment" | "payment-incidents" | "debt-burden" | "inconsistent-information" | "policy-exception" | "other";
            /** @description The place this decision takes among the officer decisions on the same model decision (`nextSequence` of the decision history). Taken by another officer meanwhile: 409. Sent again with the same body: the decision recorded the first time, nothing new. Left out: the next place. */
            sequence?: number;
        };
        /** OverridesReport */
        OverridesReport: {
            /** @description Highest rate first; group = username */
            byOfficer: {
                decisions: number;
                group: string;
                overrides: number;
                /** @description Overrides per officer decision */
                rate: number;
            }[];
            /** @description Most overrides first; group = reason code */
            byReason: {
                decisions: number;
                group: string;
                overrides: number;
                /** @description Overrides per officer decision */
                rate: number;
            }[];
            /** @description Every week of the period in order, empty ones included; group = its Monday */
            byWeek: {
                decisions: number;
                group: string;
                overrides: number;
                /** @description Overrides per officer decision */
                rate: number;
            }[];
            decisions: number;
            overrides: number;
            rate: number;
            /**
             * Format: date
             * @description Monday of the first week counted (UTC)
             */
            since: string;
            weeks: number;
        };
        /** Population */
        Population: {
            categories?: string[];
            clientPercentile?: number | null;
            clientValue?: number | null;
            count: number;
            description: string;
            feature: string;
            histogram: components["schemas"]["HistogramBin"][];
            kind: "numeric" | "categorical";
            label: string;
            mean: number | null;
            missing: number;
            /** @description 101 points, p0 to p100 */
            quantiles: (number | null)[];
            std: number | null;
        };
        /** PopulationSample */
        PopulationSample: {
            client?: {
                /** @description SK_ID_CURR of the applicant */
                clientId: number;
                probabilityOfDefault: number;
                x: number | null;
                y: number | null;
            };
            points: {
                /** @description SK_ID_CURR of the applicant */
                clientId: number;
                probabilityOfDefault: number;
                x: number;
                y: number;
            }[];
            x: string;
            y: string;
        };
        /** Reason */
        Reason: {
            contribution: number;
            direction: "adverse" | "favourable";
            feature: string;
            /** @description One sentence in plain language */
            text: string;
        };
        /** Referral */
        Referral: {
            /** @description SK_ID_CURR of the applicant */
            clientId?: number;
            /** @description Identifier of a decision in the audit log (a UUIDv7 made by the server) */
            decisionId: string;
            modelVersion: string;
            probabilityOfDefault: number;
            takenBy?: {
                officer: {
                    displayName: string;
                    username: string;
                };
                /** Format: date-time */
                takenAt: string;
            };
            threshold: number;
            /**
             * Format: date-time
             * @description When the model referred it
             */
            time: string;
        };
        /** ReferralBandReport */
        ReferralBandReport: {
            band: number;
            bins: {
                clients: number;
                /** @description Expected cost of deciding these clients automatically */
                expectedCost: number;
                from: number;
                referred: boolean;
                to: number;
            }[];
            /** @description Clients of the population */
            clients: number;
            costFalseNegative: number;
            costFalsePositive: number;
            referred: {
                clients: number;
                defaulted: number;
                /** @description Expected cost of deciding these clients automatically */
                expectedCost: number;
                known: number;
                observedCost: number;
                share: number;
            };
            threshold: number;
        };
        /** ReleasedReview */
        ReleasedReview: {
            referral: components["schemas"]["Referral"];
            released: {
                officer: {
                    displayName: string;
                    username: string;
                };
                /** Format: date-time */
                takenAt: string;
            };
        };
        /** ReviewCase */
        ReviewCase: {
            /** @description Home Credit application fields (e.g. AMT_INCOME_TOTAL, AMT_CREDIT, DAYS_BIRTH), missing fields are missing values */
            application?: {
                [key: string]: number | string | null;
            };
            /** @description SK_ID_CURR of the applicant */
            clientId?: number;
            /** @description Identifier of a decision in the audit log (a UUIDv7 made by the server) */
            decisionId: string;
            /** @description Rows of each history table that came with the application */
            historyRows?: {
                [key: string]: number;
            };
            modelVersion: string;
            probabilityOfDefault: number;
            reviewed: {
                model: components["schemas"]["ModelDecisionSummary"];
                /** @description The `sequence` of the next officer decision on it */
                nextSequence: number;
                /** @description Oldest first */
                officerDecisions: components["schemas"]["OfficerDecision"][];
                /** @description The decision that stands: the latest officer decision, else the model's */
                standing: {
                    by: "model" | "officer";
                    decision: "granted" | "refused" | "referred";
                    officer?: {
                        displayName: string;
                        username: string;
                    };
                };
            };
            takenBy?: {
                officer: {
                    displayName: string;
                    username: string;
                };
                /** Format: date-time */
                takenAt: string;
            };
            threshold: number;
            /**
             * Format: date-time
             * @description When the model referred it
             */
            time: string;
        };
        /** ReviewedDecision */
        ReviewedDecision: {
            model: components["schemas"]["ModelDecisionSummary"];
            /** @description The `sequence` of the next officer decision on it */
            nextSequence: number;
            /** @description Oldest first */
            officerDecisions: components["schemas"]["OfficerDecision"][];
            /** @description The decision that stands: the latest officer decision, else the model's */
            standing: {
                by: "model" | "officer";
                decision: "granted" | "refused" | "referred";
                officer?: {
                    displayName: string;
                    username: string;
                };
            };
        };
        /** ReviewQueue */
        ReviewQueue: {
            /** @description The oldest first, at most `limit` */
            referrals: components["schemas"]["Referral"][];
            /** @description Referred decisions no officer has decided yet */
            waiting: number;
        };
        /** Score */
        Score: {
            /** @description SK_ID_CURR of the applicant */
            clientId?: number;
            decision: "granted" | "refused" | "referred";
            /** @description The decision in the audit log (GET /api/v1/decisions/{id}). A known client asked for again under the same model version gets the decision of record */
            decisionId?: string;
            modelVersion: string;
            probabilityOfDefault: number;
            threshold: number;
        };
        /** ScoreBatchReply */
        ScoreBatchReply: {
            scores: components["schemas"]["Score"][];
        };
        /** SeedClientIds */
        SeedClientIds: {
            /** @description Every served client id, ascending */
            data: number[];
        };
        /** SeedClientInfo */
        SeedClientInfo: {
            /** @description The client's application: SK_ID_CURR and TARGET first, then every raw field */
            info_client: {
                [key: string]: number | string | null;
            };
        };
        /** SeedColumn */
        SeedColumn: {
            /** @description The column for every client, in the order of /get_id_client */
            data: (number | string | null)[];
        };
        /** SeedCorrelation */
        SeedCorrelation: {
            /** @description Pearson correlation of each pair of columns over the clients that have both (null: too few) */
            correlation: {
                [key: string]: {
                    [key: string]: number | null;
                };
            };
        };
        /** SeedFeatureImportance */
        SeedFeatureImportance: {
            /** @description Model features, most important first */
            feature: string[];
            /** @description Total gain of each feature in the model, same order */
            importance: number[];
        };
        /** SeedScore */
        SeedScore: {
            /** @description The client id as it was written in the path */
            id_client: string;
            /** @description [probability of repaying, probability of default] */
            prediction: number[];
        };
        /** SessionUser */
        SessionUser: {
            displayName: string;
            role: "officer" | "admin";
            username: string;
        };
        /** ShadowComparison */
        ShadowComparison: {
            agreement: number | null;
            /** @description Live applications the challenger scored in shadow */
            applications: number;
            challenger: string;
            champion: string;
            /** @description The latest applications the challenger would have decided otherwise, newest first */
            changes: {
                challenger: {
                    decision: "granted" | "refused" | "referred";
                    probabilityOfDefault: number;
                };
                champion: {
                    decision: "granted" | "refused" | "referred";
                    probabilityOfDefault: number;
                };
                clientId: number | null;
                decisionId: string | null;
                /** Format: date-time */
                time: string;
            }[];
            /** @description Applications by the champion's and the challenger's decision */
            decisions: {
                challenger: "granted" | "refused" | "referred";
                champion: "granted" | "refused" | "referred";
                count: number;
            }[];
            /** @description Applications by challenger − champion probability of default, in percentage points */
            differences: {
                count: number;
                from: number | null;
                to: number | null;
            }[];
            meanDifference: number | null;
            since: string | null;
        };
        /** ShadowComparisons */
        ShadowComparisons: {
            /** @description One per champion and challenger pair, latest first */
            comparisons: components["schemas"]["ShadowComparison"][];
        };
        /** ShapSummary */
        ShapSummary: {
            features: {
                feature: string;
                label: string;
                points: {
                    /** @description SHAP value in log-odds, to four significant digits */
                    shap: number;
                    /** @description Rank of the feature value in the population, 0 lowest, 1 highest, to a thousandth; null when missing */
                    valueRank: number | null;
                }[];
            }[];
            modelVersion: string;
        };
        /** SignInRequest */
        SignInRequest: {
            password: string;
            username: string;
        };
        /** SimilarClients */
        SimilarClients: {
            /** @description SK_ID_CURR of the applicant */
            clientId: number;
            /** @description Features the distance is computed on */
            features: string[];
            neighbours: {
                /** @description SK_ID_CURR of the applicant */
                clientId: number;
                decision: "granted" | "refused" | "referred";
                distance: number;
                knownOutcome: "repaid" | "defaulted" | null;
                probabilityOfDefault: number;
            }[];
        };
        /** TakenReview */
        TakenReview: {
            /** @description The oldest referral no other officer holds, now held by this officer; null when none waits */
            referral: components["schemas"]["Referral"] | null;
            waiting: number;
        };
        /** V2Error */
        V2Error: {
            error: string;
        };
        /** V2InferRequest */
        V2InferRequest: {
            id?: string;
            inputs: components["schemas"]["V2Tensor"][];
            /** @description The outputs to answer (all when absent) */
            outputs?: {
                name: string;
                /** @description Free parameters; binary_data_size and binary_data / binary_data_output are the binary extension */
                parameters?: {
                    [key: string]: string | number | boolean;
                };
            }[];
            /** @description Free parameters; binary_data_size and binary_data / binary_data_output are the binary extension */
            parameters?: {
                [key: string]: string | number | boolean;
            };
        };
        /** V2InferResponse */
        V2InferResponse: {
            id?: string;
            model_name: string;
            model_version: string;
            outputs: components["schemas"]["V2Tensor"][];
            /** @description Free parameters; binary_data_size and binary_data / binary_data_output are the binary extension */
            parameters?: {
                [key: string]: string | number | boolean;
            };
        };
        /** V2ModelMetadata */
        V2ModelMetadata: {
            inputs: {
                datatype: string;
                name: string;
                shape: number[];
            }[];
            name: string;
            outputs: {
                datatype: string;
                name: string;
                shape: number[];
            }[];
            platform: string;
            versions: string[];
        };
        /** V2ServerMetadata */
        V2ServerMetadata: {
            extensions: string[];
            name: string;
            version: string;
        };
        /** V2Tensor */
        V2Tensor: {
            /** @description Row-major values; null (or NaN) is a missing feature. Absent when sent as binary data */
            data?: (number | string | null)[];
            datatype: string;
            name: string;
            /** @description Free parameters; binary_data_size and binary_data / binary_data_output are the binary extension */
            parameters?: {
                [key: string]: string | number | boolean;
            };
            shape: number[];
        };
        /** VariableDrift */
        VariableDrift: {
            /** @description Live applications the index is computed on */
            applications: number;
            kind: "feature" | "score";
            /** @description A model feature, or `score` for the probability of default */
            name: string;
            stabilityIndex: number | null;
            /** @description stable below 0.1, watch from 0.1, act from 0.25; too-few under the minimum of applications */
            status: "stable" | "watch" | "act" | "too-few";
        };
        /** VariableDriftDetail */
        VariableDriftDetail: {
            /** @description Live applications the index is computed on */
            applications: number;
            bins: {
                category: string | null;
                from: number | null;
                /** @description The range `[from, to)`, the category, or `missing` */
                label: string;
                /** @description Share of live applications */
                live: number | null;
                to: number | null;
                /** @description Share of training applicants */
                training: number;
            }[];
            kind: "feature" | "score";
            modelVersion: string;
            /** @description A model feature, or `score` for the probability of default */
            name: string;
            stabilityIndex: number | null;
            /** @description stable below 0.1, watch from 0.1, act from 0.25; too-few under the minimum of applications */
            status: "stable" | "watch" | "act" | "too-few";
            /** @default 1d */
            window: "1h" | "1d" | "7d";
        };
        /** WhatIf */
        WhatIf: {
            changedFeatures: {
                feature: string;
                from: number | null;
                label: string;
                to: number | null;
            }[];
            /** @description SK_ID_CURR of the applicant */
            clientId?: number;
            decisionChanged: boolean;
            original: {
                decision: "granted" | "refused" | "referred";
                probabilityOfDefault: number;
            };
            /** @description updated minus original probability of default */
            probabilityChange: number;
            /**
             * @description A simulation: what the model would answer, never a decision, never recorded
             * @enum {boolean}
             */
            simulation: true;
            updated: components["schemas"]["Explanation"];
        };
        /**
         * WhatIfRequest
         * @description A known client (clientId), or a new application with its history tables (application), and the fields to change
         */
        WhatIfRequest: {
            /** @description Home Credit application fields (AMT_INCOME_TOTAL, AMT_CREDIT, DAYS_BIRTH, ...), a missing field is a missing value; required: NAME_CONTRACT_TYPE, AMT_CREDIT, AMT_ANNUITY, AMT_INCOME_TOTAL, NAME_INCOME_TYPE, DAYS_BIRTH, CNT_FAM_MEMBERS, NAME_EDUCATION_TYPE, NAME_HOUSING_TYPE. History (optional): bureau, bureau_balance, previous_application, POS_CASH_balance, installments_payments, credit_card_balance, arrays of rows in the columns of the Home Credit files */
            application?: {
                /** @description Credits reported by other lenders (bureau.csv); each row requires CREDIT_ACTIVE, CREDIT_TYPE, DAYS_CREDIT */
                bureau?: {
                    [key: string]: number | string | null;
                }[];
                /** @description Monthly status of each credit reported by other lenders (bureau_balance.csv), linked to bureau by SK_ID_BUREAU; each row requires SK_ID_BUREAU, MONTHS_BALANCE, STATUS */
                bureau_balance?: {
                    [key: string]: number | string | null;
                }[];
                /** @description Monthly snapshots of previous credit cards at this lender (credit_card_balance.csv); each row requires MONTHS_BALANCE */
                credit_card_balance?: {
                    [key: string]: number | string | null;
                }[];
                /** @description Repayments of previous loans at this lender (installments_payments.csv); each row requires DAYS_INSTALMENT, AMT_INSTALMENT */
                installments_payments?: {
                    [key: string]: number | string | null;
                }[];
                /** @description Monthly snapshots of previous shop and cash loans (POS_CASH_balance.csv); each row requires SK_ID_PREV, MONTHS_BALANCE, NAME_CONTRACT_STATUS */
                POS_CASH_balance?: {
                    [key: string]: number | string | null;
                }[];
                /** @description The applicant's previous applications to this lender (previous_application.csv); each row requires NAME_CONTRACT_TYPE, NAME_CONTRACT_STATUS, DAYS_DECISION */
                previous_application?: {
                    [key: string]: number | string | null;
                }[];
            } & {
                [key: string]: number | string | null;
            };
            /** @description Raw application fields to change, by column name */
            changes: {
                [key: string]: number | string | null;
            };
            /** @description SK_ID_CURR of the applicant */
            clientId?: number;
            /** @default fr */
            language: "fr" | "en";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listBatches: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchJobList"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    submitBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": string;
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description Applications as CSV (text/csv, or a file name ending in .csv) or JSON lines (application/x-ndjson, or .jsonl)
                     */
                    applications: string;
                    /**
                     * Format: binary
                     * @description The bureau rows of the applicants, as CSV with the Home Credit columns
                     */
                    bureau?: string;
                    /**
                     * Format: binary
                     * @description The bureau_balance rows of the applicants, as CSV with the Home Credit columns
                     */
                    bureau_balance?: string;
                    /**
                     * Format: binary
                     * @description The credit_card_balance rows of the applicants, as CSV with the Home Credit columns
                     */
                    credit_card_balance?: string;
                    /**
                     * Format: binary
                     * @description The installments_payments rows of the applicants, as CSV with the Home Credit columns
                     */
                    installments_payments?: string;
                    /**
                     * Format: binary
                     * @description The POS_CASH_balance rows of the applicants, as CSV with the Home Credit columns
                     */
                    POS_CASH_balance?: string;
                    /**
                     * Format: binary
                     * @description The previous_application rows of the applicants, as CSV with the Home Credit columns
                     */
                    previous_application?: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchJob"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifier of a batch job, made by the server when the file is received */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchJob"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getBatchResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifier of a batch job, made by the server when the file is received */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: {
                contractType?: string;
                decision?: "granted" | "refused" | "referred";
                maxIncome?: number;
                maxProbability?: number;
                minIncome?: number;
                minProbability?: number;
                order?: "asc" | "desc";
                page?: number;
                pageSize?: number;
                /** @description Prefix of the client id */
                search?: string;
                sort?: "clientId" | "probabilityOfDefault" | "ageYears" | "incomeTotal" | "creditAmount";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getClient: {
        parameters: {
            query?: {
                language?: "fr" | "en";
            };
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientRecord"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCounterfactual: {
        parameters: {
            query?: {
                language?: "fr" | "en";
            };
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Counterfactual"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getDecisionHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionHistory"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    explainClient: {
        parameters: {
            query?: {
                language?: "fr" | "en";
            };
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Explanation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    scoreKnownClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Score"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSimilarClients: {
        parameters: {
            query?: {
                k?: number;
            };
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimilarClients"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifier of a decision in the audit log (a UUIDv7 made by the server) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The writer whose chain this record is in */
                        chain: string;
                        /** @description SK_ID_CURR of the applicant */
                        clientId?: number;
                        decision: "granted" | "refused" | "referred";
                        /** @description Identifier of a decision in the audit log (a UUIDv7 made by the server) */
                        decisionId: string;
                        /** @description SHA-256 of this record without its digest, keys sorted */
                        digest: string;
                        /** @description SHA-256 of the feature row the model scored (float32, little-endian) */
                        featuresDigest: string;
                        /**
                         * @description Who decided: the model
                         * @enum {string}
                         */
                        kind: "model";
                        modelVersion: string;
                        /** @description Digest of the record before it in its chain (64 zeros for the first) */
                        previous: string;
                        /** @description The API key name or the user who asked */
                        principal: string;
                        probabilityOfDefault: number;
                        /** @description Tracing id of the request that asked (not an identifier of the decision) */
                        requestId: string;
                        /** @description Position in its chain, from 0 */
                        seq: number;
                        threshold: number;
                        /** Format: date-time */
                        time: string;
                    } | {
                        /** @description The writer whose chain this record is in */
                        chain: string;
                        /** @description SK_ID_CURR of the applicant */
                        clientId?: number;
                        decision: "granted" | "refused";
                        /** @description Identifier of a decision in the audit log (a UUIDv7 made by the server) */
                        decisionId: string;
                        /** @description SHA-256 of this record without its digest, keys sorted */
                        digest: string;
                        justification: string;
                        /**
                         * @description Who decided: a loan officer, on the model's decision
                         * @enum {string}
                         */
                        kind: "officer";
                        modelDecision: "granted" | "refused" | "referred";
                        /** @description The model's decision this one reviews */
                        modelDecisionId: string;
                        /** @description The model version of the decision reviewed */
                        modelVersion: string;
                        officer: {
                            displayName: string;
                            username: string;
                        };
                        /** @description Reverses the model's grant or refusal (deciding a referral is not one) */
                        override: boolean;
                        /** @description Digest of the record before it in its chain (64 zeros for the first) */
                        previous: string;
                        /** @description The user who decided */
                        principal: string;
                        /** @description The lender's reason, from its list */
                        reasonCode: "documents-verified" | "additional-income" | "guarantor-or-collateral" | "stable-employment" | "payment-incidents" | "debt-burden" | "inconsistent-information" | "policy-exception" | "other";
                        /** @description Tracing id of the request that asked (not an identifier of the decision) */
                        requestId: string;
                        /** @description Position in its chain, from 0 */
                        seq: number;
                        /** @description Place among the officer decisions on the same model decision */
                        sequence: number;
                        /** Format: date-time */
                        time: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    explainApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body replay the recorded decisions, another body under it gets 409. Kept at least 24 h */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExplainApplicationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Explanation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getShapDependence: {
        parameters: {
            query: {
                color?: string;
                feature: string;
                language?: "fr" | "en";
                points?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dependence"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getGlobalImportance: {
        parameters: {
            query?: {
                language?: "fr" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GlobalImportance"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getShapSummary: {
        parameters: {
            query?: {
                language?: "fr" | "en";
                points?: number;
                top?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShapSummary"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelInfo"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getReferralBand: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralBandReport"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setChallenger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why: kept in the audit log with who made the change */
                    reason: string;
                    /** @description A bundle version from GET /api/v1/models */
                    version: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    retireChallenger: {
        parameters: {
            query?: {
                /** @description Why, for the audit log */
                reason?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    promoteChampion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why: kept in the audit log with who made the change */
                    reason: string;
                    /** @description A bundle version from GET /api/v1/models */
                    version: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getShadowComparison: {
        parameters: {
            query?: {
                challenger?: string;
                champion?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShadowComparisons"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getDecisionMix: {
        parameters: {
            query?: {
                window?: "1h" | "1d" | "7d";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionMixReport"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getDrift: {
        parameters: {
            query?: {
                /** @description Default: the version that decided last */
                modelVersion?: string;
                window?: "1h" | "1d" | "7d";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftReport"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getVariableDrift: {
        parameters: {
            query?: {
                modelVersion?: string;
                window?: "1h" | "1d" | "7d";
            };
            header?: never;
            path: {
                variable: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariableDriftDetail"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    recordOfficerDecision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficerDecisionRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerDecision"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getOverridesReport: {
        parameters: {
            query?: {
                /** @description Weeks back from this one */
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverridesReport"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPopulationSample: {
        parameters: {
            query: {
                /** @description SK_ID_CURR of the applicant */
                clientId?: number;
                size?: number;
                x: string;
                y: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PopulationSample"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPopulation: {
        parameters: {
            query?: {
                /** @description SK_ID_CURR */
                clientId?: number;
                language?: "fr" | "en";
            };
            header?: never;
            path: {
                feature: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Population"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listReviews: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewQueue"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifier of a decision in the audit log (a UUIDv7 made by the server) */
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewCase"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    releaseReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifier of a decision in the audit log (a UUIDv7 made by the server) */
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleasedReview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    takeNextReview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TakenReview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    scoreApplications: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body replay the recorded decisions, another body under it gets 409. Kept at least 24 h */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description One new application, or several under "applications" */
        requestBody: {
            content: {
                "application/json": {
                    applications: components["schemas"]["NewApplication"][];
                } | components["schemas"]["NewApplication"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Score"] | components["schemas"]["ScoreBatchReply"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionUser"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionUser"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out: the session is revoked and its cookie cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    simulateWhatIf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A known client (clientId), or a new application with its history tables (application), and the fields to change */
        requestBody: {
            content: {
                "application/json": components["schemas"]["WhatIfRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatIf"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    seedGetCorrelation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedCorrelation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    seedGetFeatureImportance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedFeatureImportance"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    seedGetColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedColumn"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    seedGetClientIds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedClientIds"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    seedGetClientInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedClientInfo"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    seedGetScore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedScore"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    legacyGetCorrelation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A legacy key (OCTROI_LEGACY_KEYS): it opens the seed routes under this base path and nothing else */
                legacyKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedCorrelation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    legacyGetFeatureImportance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A legacy key (OCTROI_LEGACY_KEYS): it opens the seed routes under this base path and nothing else */
                legacyKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedFeatureImportance"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    legacyGetColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A legacy key (OCTROI_LEGACY_KEYS): it opens the seed routes under this base path and nothing else */
                legacyKey: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedColumn"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    legacyGetClientIds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A legacy key (OCTROI_LEGACY_KEYS): it opens the seed routes under this base path and nothing else */
                legacyKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedClientIds"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    legacyGetClientInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
                /** @description A legacy key (OCTROI_LEGACY_KEYS): it opens the seed routes under this base path and nothing else */
                legacyKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedClientInfo"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    legacyGetScore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description SK_ID_CURR */
                id: number;
                /** @description A legacy key (OCTROI_LEGACY_KEYS): it opens the seed routes under this base path and nothing else */
                legacyKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedScore"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ready: boolean;
                        services: {
                            [key: string]: number;
                        };
                        /** @description The durable store: the audit log and the buckets of the decisions of record */
                        storage: {
                            /** @description JetStream answers and every Octroi stream has a leader */
                            available: boolean;
                            /** @description What is out of reach or degraded, one line each */
                            problems: string[];
                            replicas: {
                                [key: string]: number;
                            };
                        };
                    };
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ready: boolean;
                        services: {
                            [key: string]: number;
                        };
                        /** @description The durable store: the audit log and the buckets of the decisions of record */
                        storage: {
                            /** @description JetStream answers and every Octroi stream has a leader */
                            available: boolean;
                            /** @description What is out of reach or degraded, one line each */
                            problems: string[];
                            replicas: {
                                [key: string]: number;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ready: boolean;
                        services: {
                            [key: string]: number;
                        };
                        /** @description The durable store: the audit log and the buckets of the decisions of record */
                        storage: {
                            /** @description JetStream answers and every Octroi stream has a leader */
                            available: boolean;
                            /** @description What is out of reach or degraded, one line each */
                            problems: string[];
                            replicas: {
                                [key: string]: number;
                            };
                        };
                    };
                };
            };
        };
    };
    v2ServerMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2ServerMetadata"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
        };
    };
    v2ServerLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        live: boolean;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
        };
    };
    v2ServerReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ready: boolean;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ready: boolean;
                    };
                };
            };
        };
    };
    v2ModelMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2ModelMetadata"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
        };
    };
    v2ModelInfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body replay the recorded decisions, another body under it gets 409. Kept at least 24 h */
                "idempotency-key"?: string;
            };
            path: {
                model: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V2InferRequest"];
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The outputs, in JSON, or a JSON header and binary outputs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2InferResponse"];
                    "application/octet-stream": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
        };
    };
    v2ModelReady: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        ready: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
        };
    };
    v2ModelMetadataVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2ModelMetadata"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
        };
    };
    v2ModelInferVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body replay the recorded decisions, another body under it gets 409. Kept at least 24 h */
                "idempotency-key"?: string;
            };
            path: {
                model: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V2InferRequest"];
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The outputs, in JSON, or a JSON header and binary outputs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2InferResponse"];
                    "application/octet-stream": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description The body is larger than the gateway accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description The body is not in a content type this operation reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
        };
    };
    v2ModelReadyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        ready: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description A part of the path is longer than the gateway accepts */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Something failed on our side; the request id helps find it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
            /** @description Default Response */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V2Error"];
                };
            };
        };
    };
}
