import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentReportTemplateVersion, reportTemplate } from '#shared/report-templates.ts';
import { writeDataset } from '../../bench/generate.ts';
import { type DatasetPlan, planCounts, planDataset } from '../../bench/plan.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const digest = (plan: DatasetPlan) => createHash('sha256').update(JSON.stringify(plan)).digest('hex');

describe('the benchmark data plan', () => {
  const fullScale = planDataset({ seed: 377, scale: 1, semester: '2026-H1' });

  it('is the same for the same seed, and another for another seed', () => {
    expect(digest(planDataset({ seed: 377, scale: 1, semester: '2026-H1' }))).toBe(digest(fullScale));
    const small = (seed: number) => digest(planDataset({ seed, scale: 0.2, semester: '2026-H1' }));
    expect(small(378)).not.toBe(small(377));
  });

  it('has the network’s full size: 31 states, 500 active ILOs in 105 host countries, two years', () => {
    const counts = planCounts(fullScale);
    expect(counts).toMatchObject({ states: 31, activeIlos: 500, hostCountries: 105 });
    expect(counts.semesters).toEqual(['2024-H2', '2025-H1', '2025-H2', '2026-H1']);
    expect(fullScale.semesters).toEqual({
      closed: ['2024-H2', '2025-H1', '2025-H2'],
      closing: '2026-H1',
      next: '2026-H2',
    });
    // Every semester has meetings and trainings, and contributions from most members.
    for (const semester of counts.semesters) {
      const activities = fullScale.activities.filter((a) => a.semester === semester);
      expect(activities.filter((a) => a.kind === 'meeting').length).toBeGreaterThan(105);
      expect(activities.filter((a) => a.kind === 'training').length).toBeGreaterThan(50);
      expect(fullScale.contributions.filter((c) => c.semester === semester).length).toBeGreaterThan(300);
    }
  });

  it('fills every contribution with 2 to 5 KB of narrative per section and table rows', () => {
    const template = reportTemplate(currentReportTemplateVersion);
    const narratives =
      template?.sections.flatMap((s) => s.fields.filter((f) => f.kind === 'narrative')) ?? [];
    const tables = template?.sections.flatMap((s) => s.fields.filter((f) => f.kind === 'table')) ?? [];
    for (const contribution of fullScale.contributions.slice(0, 50)) {
      for (const field of narratives) {
        const bytes = Buffer.byteLength(String(contribution.values[field.id]));
        expect(bytes, field.id).toBeGreaterThanOrEqual(2048);
        expect(bytes, field.id).toBeLessThanOrEqual(5120);
      }
      for (const field of tables)
        expect((contribution.values[field.id] as unknown[]).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('scales: a tenth of the scale, a tenth of the ILOs and host countries, every state', () => {
    const counts = planCounts(planDataset({ seed: 377, scale: 0.1, semester: '2026-H1' }));
    expect(counts).toMatchObject({ activeIlos: 50, hostCountries: 11, states: 31 });
  });
});

describe('the benchmark data, written through the product', () => {
  let app: TestApp;
  // A small scale, so that the writing takes seconds; the shapes are those of any scale.
  const plan = planDataset({ seed: 377, scale: 0.04, semester: '2026-H1' });

  beforeAll(async () => {
    app = await startTestApp();
    await writeDataset(plan, { concurrency: 4 });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('is what the API answers: the networks, their members, the notified secondments', async () => {
    const token = await app.login('EC', 'admin');
    const networks = await app.call('GET', '/api/networks', { token });
    const countryNetworks = networks.json.items.filter((n: { kind: string }) => n.kind === 'country');
    expect(countryNetworks.map((n: { id: string }) => n.id).sort()).toEqual([...plan.hostCountries].sort());
    const ilos = countryNetworks.reduce(
      (sum: number, n: { members: { ilos: number }[] }) => sum + n.members.reduce((s, m) => s + m.ilos, 0),
      0,
    );
    expect(ilos).toBe(planCounts(plan).activeIlos);
  });

  it('has closed the earlier semesters and left the last one open, with its contributions', async () => {
    const token = await app.login('EC', 'admin');
    const semesters = await app.call('GET', '/api/semesters', { token });
    const status = (id: string) => semesters.json.items.find((s: { id: string }) => s.id === id)?.status;
    for (const id of plan.semesters.closed) expect(status(id)).toBe('closed');
    expect(status(plan.semesters.closing)).toBe('open');
    const detail = await app.call('GET', `/api/semesters/${plan.semesters.closing}`, { token });
    const submitted = detail.json.networks.reduce(
      (sum: number, n: { submitted: string[] }) => sum + n.submitted.length,
      0,
    );
    expect(submitted).toBe(
      plan.contributions.filter((c) => c.semester === plan.semesters.closing && c.submittedAt).length,
    );
  });
});
