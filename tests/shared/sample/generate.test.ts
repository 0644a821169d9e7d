// Fictional sample data: valid for the API schema, unique NRMP codes at scale,
// deterministic, and distributed like docs/DOMAIN.md §3.4 describes.
import { describe, expect, it } from 'vitest';
import { parseNrmpCode } from '../../../shared/domain/nrmp';
import { institutionWithTracksSchema } from '../../../shared/domain/program';
import { findUsState } from '../../../shared/domain/us-states';
import { tierPrograms } from '../../../shared/engine';
import { generateSampleInstitutions, MAX_SAMPLE_INSTITUTIONS, mulberry32, SAMPLE_DATA_SOURCE } from '../../../shared/sample/generate';
import { samplePrograms, seedApplicant, TODAY } from '../engine/fixtures';

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });
});

describe('generateSampleInstitutions', () => {
  const items = generateSampleInstitutions(600, 42);

  it('every item passes institutionWithTracksSchema unchanged', () => {
    for (const item of items) {
      const parsed = institutionWithTracksSchema.safeParse(item);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
      expect(parsed.data).toEqual(item);
    }
  });

  it('is marked as fictional sample data', () => {
    for (const { institution, tracks } of items) {
      expect(institution.dataSource).toBe(SAMPLE_DATA_SOURCE);
      expect(institution.website).toMatch(/^https:\/\/www\.[a-z0-9-]+\.example$/);
      for (const t of tracks) expect(t.tags).toEqual(['sample']);
    }
  });

  it('uses invented place names only (built from the generator word lists)', () => {
    const place = /(brook|crest|dale|field|ford|gate|haven|hollow|mere|moor|ridge|stead|vale|wick|wood|by)$/;
    for (const { institution } of items) {
      const first = institution.name.startsWith('University of ') ? institution.name.split(' ')[2]! : institution.name.split(' ')[0]!;
      expect(first).toMatch(place);
      expect(findUsState(institution.state)).toBeDefined();
    }
  });

  it('has 1–2 tracks each, with the NRMP track letter matching the track', () => {
    for (const { tracks } of items) {
      expect(tracks.length).toBeGreaterThanOrEqual(1);
      expect(tracks.length).toBeLessThanOrEqual(2);
      for (const t of tracks) expect(parseNrmpCode(t.nrmpCode)).toMatchObject({ specialty: '440', track: t.track === 'preliminary' ? 'P' : 'C' });
    }
  });

  it('is deterministic: same count and seed, same data; another seed, other data', () => {
    expect(generateSampleInstitutions(600, 42)).toEqual(items);
    expect(generateSampleInstitutions(600, 43)).not.toEqual(items);
  });

  it('scales to 5,000 programs with unique NRMP codes and institution names', () => {
    const big = generateSampleInstitutions(4000, 1);
    const codes = big.flatMap((i) => i.tracks.map((t) => t.nrmpCode));
    expect(codes.length).toBeGreaterThanOrEqual(5000);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(big.map((i) => i.institution.name)).size).toBe(big.length);
  });

  it('refuses more institutions than 4-digit codes allow', () => {
    expect(() => generateSampleInstitutions(MAX_SAMPLE_INSTITUTIONS + 1, 1)).toThrow(RangeError);
    expect(generateSampleInstitutions(0, 1)).toEqual([]);
  });

  describe('distributions (2,000 institutions)', () => {
    const many = generateSampleInstitutions(2000, 99);
    const share = (pred: (i: (typeof many)[number]) => boolean) => many.filter(pred).length / many.length;

    it.each([
      ['community', 0.45],
      ['community_university_affiliated', 0.25],
      ['university', 0.2],
      ['top_academic', 0.1],
    ] as const)('setting %s is about %f', (setting, expected) => {
      expect(Math.abs(share((i) => i.institution.setting === setting) - expected)).toBeLessThan(0.04);
    });

    it('J-1 only is the most common sponsorship; none about 15 %; some unknown', () => {
      const visa = (v: string) => share((i) => i.institution.visaSponsorship === v);
      expect(visa('j1')).toBeGreaterThan(Math.max(visa('both'), visa('none'), visa('h1b'), visa('unknown')));
      expect(visa('none')).toBeGreaterThan(0.1);
      expect(visa('none')).toBeLessThan(0.2);
      expect(visa('unknown')).toBeGreaterThan(0.03);
    });

    it('about half of prelim positions go unfilled (docs/DOMAIN.md §3: 52 % filled in 2024)', () => {
      let positions = 0;
      let unfilled = 0;
      for (const i of many) {
        for (const t of i.tracks) {
          if (t.track !== 'preliminary' || t.positionsOffered === null) continue;
          for (const u of t.unfilledHistory) {
            positions += t.positionsOffered;
            unfilled += u.unfilled;
          }
        }
      }
      expect(unfilled / positions).toBeGreaterThan(0.35);
      expect(unfilled / positions).toBeLessThan(0.65);
    });

    it('unfilled history covers the 2023–2026 Matches', () => {
      for (const i of many) for (const t of i.tracks) expect(t.unfilledHistory.map((u) => u.year)).toEqual([2023, 2024, 2025, 2026]);
    });

    it('Step 2 CK minimums are 210–240 or none, strict or preference', () => {
      const mins = many.flatMap((i) => i.tracks.map((t) => t.minStep2ck));
      expect(mins.some((m) => m === null)).toBe(true);
      for (const m of mins) if (m !== null) expect(m >= 210 && m <= 240).toBe(true);
      const kinds = new Set(many.flatMap((i) => i.tracks.filter((t) => t.minStep2ck !== null).map((t) => t.minStep2ckKind)));
      expect(kinds).toEqual(new Set(['strict', 'preference']));
    });
  });
});

describe('the seed applicant against 5,000 sample programs', () => {
  const programs = samplePrograms(generateSampleInstitutions(3500, 2027)).slice(0, 5000);
  const results = tierPrograms(programs, seedApplicant(), TODAY);

  it('gives every outcome, with Tier 2 the largest group of eligible prelim programs', () => {
    const counts: Record<string, number> = {};
    results.forEach((r, i) => {
      const key = `${programs[i]!.track} ${r.outcome}`;
      counts[key] = (counts[key] ?? 0) + 1;
    });
    for (const o of ['excluded', 'long_shot', 'tier1', 'tier2', 'tier3']) expect(counts[`preliminary ${o}`] ?? 0).toBeGreaterThan(50);
    expect(counts['categorical tier3'] ?? 0).toBe(0);
    const prelimTier2 = counts['preliminary tier2']!;
    expect(prelimTier2).toBeGreaterThan(counts['preliminary tier1']!);
    expect(prelimTier2).toBeGreaterThan(counts['preliminary long_shot']!);
  });
});
