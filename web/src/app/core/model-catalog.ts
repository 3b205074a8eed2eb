import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';

import { I18n } from '../shared/i18n/i18n';
import type { ModelFeature, ModelInfo } from './api-types';
import { apiUrls } from './octroi-api';

export interface FeatureOption {
  name: string;
  label: string;
  kind: 'numeric' | 'categorical';
}

/** Offered while the model's description is loading or its service is down. */
const FALLBACK_FEATURES: readonly FeatureOption[] = [
  'EXT_SOURCE_3',
  'EXT_SOURCE_2',
  'EXT_SOURCE_1',
  'AMT_CREDIT',
  'AMT_ANNUITY',
  'AMT_GOODS_PRICE',
  'AMT_INCOME_TOTAL',
  'DAYS_BIRTH',
  'DAYS_EMPLOYED',
].map((name) => ({ name, label: name, kind: 'numeric' as const }));

/** What a simulation may change when the model's description is not loaded: the loan's terms. */
const FALLBACK_ACTIONABLE: readonly string[] = ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE'];

/**
 * The model's description (threshold, costs, metrics, features), loaded once and shared by
 * every page: the feature pickers read their choices and labels from here.
 */
@Injectable({ providedIn: 'root' })
export class ModelCatalog {
  private readonly i18n = inject(I18n);

  readonly model = httpResource<ModelInfo>(() => apiUrls.model());

  /** Features by decreasing importance, labelled in the chosen language. */
  readonly features = computed<readonly FeatureOption[]>(() => {
    const model = this.model.hasValue() ? this.model.value() : undefined;
    if (!model?.features.length) return FALLBACK_FEATURES;
    const language = this.i18n.language();
    return [...model.features]
      .sort((a, b) => b.importanceGain - a.importanceGain)
      .map((f: ModelFeature) => ({ name: f.name, label: f.label?.[language] ?? f.name, kind: f.kind }));
  });

  /** The raw fields the lender's policy lets a what-if change, in the policy's order. */
  readonly actionableFields = computed<readonly string[]>(() => {
    const policy = this.model.hasValue() ? this.model.value()?.policy : undefined;
    if (!policy) return FALLBACK_ACTIONABLE;
    const fixed = new Set([...policy.nonActionable, ...policy.protectedAttributes]);
    return policy.actionable.filter((name) => !fixed.has(name));
  });

  readonly numericFeatures = computed(() => this.features().filter((f) => f.kind === 'numeric'));

  labelOf(name: string): string {
    return this.features().find((f) => f.name === name)?.label ?? name;
  }
}
