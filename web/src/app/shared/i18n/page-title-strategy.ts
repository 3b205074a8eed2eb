import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type ActivatedRouteSnapshot, type RouterStateSnapshot, TitleStrategy } from '@angular/router';

import { I18n } from './i18n';
import type { Messages } from './messages';

type TitleKey = keyof Messages['titles'];

/** Each page has its own title, in the chosen language: "Client 100002 · Octroi". */
@Injectable()
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    let route: ActivatedRouteSnapshot = snapshot.root;
    while (route.firstChild) route = route.firstChild;
    const key = route.data['title'] as TitleKey | undefined;
    const titles = this.i18n.t().titles;
    let page = '';
    if (key === 'client' || key === 'letter') page = titles[key](Number(route.paramMap.get('clientId')));
    else if (key) page = titles[key];
    this.title.setTitle(page ? `${page} · ${this.i18n.t().appName}` : this.i18n.t().appName);
  }
}
