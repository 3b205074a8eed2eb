import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal } from '@angular/core';

import type { BatchJob, BatchJobList } from '../core/api-types';
import { OctroiApi, apiUrls, errorBodyOf } from '../core/octroi-api';
import { LineChart } from '../shared/charts/line-chart';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';
import { batchContentType, duration, isActive, shareDone } from './batch-figures';

/** While a job runs, its progress is asked again this often. */
const REFRESH_MS = 2000;

/**
 * Batch jobs: a file of applications uploaded for scoring in the background, each job's progress (rows done, rate,
 * time left) as a bar and, for the latest, as a chart of rows done over time; the results download as CSV.
 */
@Component({
  selector: 'app-batches-page',
  imports: [LoadStatus, LineChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().batches.heading }}</h1>
    <p class="lead">{{ t().batches.intro }}</p>

    <section class="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{{ t().batches.uploadHeading }}</h2>
      <form (submit)="$event.preventDefault(); upload(file.files)">
        <div class="field">
          <label for="batch-file">{{ t().batches.file }}</label>
          <input #file id="batch-file" type="file" accept=".csv,.jsonl,.ndjson" />
        </div>
        <button type="submit" [disabled]="sending()">{{ t().batches.send }}</button>
      </form>
      <div role="status" aria-live="polite">
        @if (uploadProblem(); as problem) {
          <p class="error-box">{{ problem }}</p>
        } @else if (sending()) {
          <p class="loading">{{ t().batches.sending }}</p>
        }
      </div>
    </section>

    <section class="card" aria-labelledby="jobs-heading" [attr.aria-busy]="jobs.isLoading()">
      <h2 id="jobs-heading">{{ t().batches.jobsHeading }}</h2>
      <app-load-status
        [loading]="jobs.isLoading() && !jobs.hasValue()"
        [error]="jobs.error()"
        (retry)="jobs.reload()"
      />
      @if (jobs.hasValue()) {
        @if (list().length === 0) {
          <p>{{ t().batches.none }}</p>
        }
        <ul class="batch-jobs">
          @for (job of list(); track job.id) {
            <li class="batch-job" [attr.data-state]="job.state">
              <p>
                <strong>{{ i18n.date(job.createdAt) }}</strong> — {{ t().batches.states[job.state] }}
                <span class="muted">({{ job.id }})</span>
              </p>
              <progress
                [attr.max]="1"
                [attr.value]="share(job)"
                [attr.aria-label]="t().batches.progressLabel"
                [attr.aria-valuetext]="rowsText(job)"
              ></progress>
              <p>{{ rowsText(job) }}</p>
              <p>
                {{
                  t().batches.decisions(
                    number(job.decisions.granted),
                    number(job.decisions.referred),
                    number(job.decisions.refused)
                  )
                }}
                @if (job.rows.failed > 0) {
                  {{ t().batches.failed(number(job.rows.failed)) }}
                }
              </p>
              @if (job.rowsPerSecond !== null) {
                <p>
                  {{ t().batches.rate(number(job.rowsPerSecond, 'integer')) }}
                  @if (job.state === 'running' && job.etaSeconds !== null) {
                    {{ t().batches.timeLeft(duration(job.etaSeconds)) }}
                  }
                </p>
              }
              @if (job.problem) {
                <p class="error-box">{{ job.problem }}</p>
              }
              @if (job.state === 'done') {
                <a [href]="resultsUrl(job)" download>{{ t().batches.download }}</a>
              }
            </li>
          }
        </ul>
      }
    </section>

    @if (latest(); as job) {
      @if (job.progress.length > 1) {
        <section class="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading">{{ t().batches.chartHeading }}</h2>
          <app-line-chart
            [points]="progressPoints()"
            [xLabel]="t().batches.seconds"
            [yLabel]="t().batches.rowsDone"
            [yDomain]="job.rows.total ? [0, job.rows.total] : null"
            [ariaLabel]="t().batches.chartLabel(rowsText(job))"
          >
            <figcaption>{{ t().batches.chartCaption }}</figcaption>
          </app-line-chart>
        </section>
      }
    }
  `,
})
export class BatchesPage {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly api = inject(OctroiApi);

  protected readonly jobs = httpResource<BatchJobList>(() => apiUrls.batches());
  protected readonly list = computed(() => (this.jobs.hasValue() ? this.jobs.value().jobs : []));
  protected readonly latest = computed<BatchJob | undefined>(() => this.list()[0]);
  protected readonly progressPoints = computed(() =>
    (this.latest()?.progress ?? []).map((point) => ({ x: point.seconds, y: point.rows })),
  );
  protected readonly sending = signal(false);
  protected readonly uploadProblem = signal<string | undefined>(undefined);

  protected readonly duration = duration;
  protected readonly share = shareDone;
  protected readonly resultsUrl = (job: BatchJob) => apiUrls.batchResults(job.id);
  protected readonly number = (value: number, style: 'integer' | 'decimal' = 'integer') =>
    this.i18n.number(value, style);

  constructor() {
    // While a job moves, its progress is asked again; the timer goes with the page.
    let timer: ReturnType<typeof setTimeout> | undefined;
    inject(DestroyRef).onDestroy(() => clearTimeout(timer));
    effect(() => {
      clearTimeout(timer);
      if (this.list().some(isActive)) timer = setTimeout(() => this.jobs.reload(), REFRESH_MS);
    });
  }

  protected rowsText(job: BatchJob): string {
    const done = this.number(job.rows.done);
    const total = job.rows.total;
    return total === null
      ? this.t().batches.rowsSoFar(done, this.number(job.rows.read))
      : this.t().batches.rowsOf(done, this.number(total), this.i18n.percent(shareDone(job), true));
  }

  protected upload(files: FileList | null): void {
    const file = files?.[0];
    this.uploadProblem.set(undefined);
    if (!file) {
      this.uploadProblem.set(this.t().batches.chooseFile);
      return;
    }
    const contentType = batchContentType(file.name);
    if (!contentType) {
      this.uploadProblem.set(this.t().batches.wrongType);
      return;
    }
    this.sending.set(true);
    this.api.submitBatch(file, contentType).subscribe({
      next: () => {
        this.sending.set(false);
        this.jobs.reload();
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.uploadProblem.set(errorBodyOf(error).message ?? this.t().batches.uploadFailed);
      },
    });
  }
}
