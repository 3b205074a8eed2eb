import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import { DEFAULT_LANGUAGE, I18n, isLanguage } from './i18n';

/** Takes the language from the first path segment; an unknown one is read as a page in the default language. */
export const chooseLanguage: CanActivateFn = (route, state) => {
  const lang = route.paramMap.get('lang');
  if (isLanguage(lang)) {
    inject(I18n).language.set(lang);
    return true;
  }
  return inject(Router).parseUrl(`/${DEFAULT_LANGUAGE}${state.url}`);
};
