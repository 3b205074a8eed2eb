import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { SessionUser, SignInRequest } from '../core/api-types';
import { OctroiApi } from '../core/octroi-api';

/**
 * The signed-in officer. The gateway keeps the session in an httpOnly cookie; this only
 * remembers who it belongs to. `undefined` means "not asked yet", `null` "signed out".
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = inject(OctroiApi);

  private readonly current = signal<SessionUser | null | undefined>(undefined);
  private loading: Promise<SessionUser | null> | undefined;
  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => !!this.current());

  /** Asks the gateway once who is signed in; later calls answer from memory. */
  ensureLoaded(): Promise<SessionUser | null> {
    const known = this.current();
    if (known !== undefined) return Promise.resolve(known);
    this.loading ??= this.askGateway().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async askGateway(): Promise<SessionUser | null> {
    try {
      const user = await firstValueFrom(this.api.currentUser());
      this.current.set(user);
      return user;
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        this.current.set(null);
        return null;
      }
      throw error;
    }
  }

  /** Resolves to the user, or rejects with the gateway's error (401 for wrong credentials). */
  async signIn(credentials: SignInRequest): Promise<SessionUser> {
    const user = await firstValueFrom(this.api.signIn(credentials));
    this.current.set(user);
    return user;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.signOut());
    } finally {
      this.current.set(null);
    }
  }

  /** The gateway answered 401 to some call: the session ended (expired or signed out elsewhere). */
  expired(): void {
    this.current.set(null);
  }
}
