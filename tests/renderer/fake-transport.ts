// A fake transport for renderer tests: handlers answer in memory, calls are recorded, and
// after a successful call of a method that writes, the change is announced to the stores
// as the desktop app's main process does (the domains the contract declares for it).
import { setTransport, type ChangeListener } from '../../renderer/api/client';
import { contract } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/define';
import type { TiersList } from '../../shared/api/tiers-api';
import type { Program } from '../../shared/domain/program';
import type { Domain } from '../../shared/api/domains';

export type FakeHandler = (input: unknown) => unknown;

/** The domains the contract says a method writes (none for reads). */
export function writesOf(method: string): readonly Domain[] {
  const spec = (contract as Record<string, { writes?: readonly Domain[] } | undefined>)[method];
  return spec?.writes ?? [];
}

/**
 * programs.table from a test's programs.list and tiers.list fakes (when it gives no
 * programs.table of its own), so tests describe programs and tiers in their full form.
 */
function programTableFrom(handlers: Record<string, FakeHandler>): FakeHandler | undefined {
  const list = handlers['programs.list'];
  if (!list) return undefined;
  return async () => {
    const programs = (await list(undefined)) as Program[];
    const tiers = handlers['tiers.list'] ? ((await handlers['tiers.list'](undefined)) as TiersList) : { today: '2026-11-25', profileSaved: true, tiers: [] };
    const byId = new Map(tiers.tiers.map((t) => [t.programId, t.computed]));
    const institutions = [...new Map(programs.map((p) => [p.institutionId, p.institution])).values()];
    return {
      today: tiers.today,
      profileSaved: tiers.profileSaved,
      geoDivisions: [],
      institutions,
      programs: programs.map(({ institution: _i, ...row }) => row),
      tiers: programs.map((p) => byId.get(p.id)),
    };
  };
}

export function installFakeTransport(given: Record<string, FakeHandler>, options: { announce?: boolean } = {}) {
  const table = given['programs.table'] ? undefined : programTableFrom(given);
  const tiersList = given['tiers.list'];
  const tiersGet: FakeHandler | undefined =
    given['tiers.get'] ??
    (tiersList ? async (input) => ((await tiersList(undefined)) as TiersList).tiers.find((t) => t.programId === (input as { programId: number }).programId) ?? { ok: false, error: { code: 'not_found', message: 'no such program' } } : undefined);
  const handlers: Record<string, FakeHandler> = { ...given, ...(table ? { 'programs.table': table } : {}), ...(tiersGet ? { 'tiers.get': tiersGet } : {}) };
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Set<ChangeListener>();
  const emit = (domains: readonly Domain[]) => {
    for (const l of [...listeners]) l(domains);
  };
  setTransport(
    async (method, input): Promise<ApiResult<unknown>> => {
      calls.push({ method, input });
      const h = handlers[method];
      if (!h) return { ok: false, error: { code: 'unknown_method', message: `no fake for ${method}` } };
      try {
        const value = await h(input);
        if (value && typeof value === 'object' && 'ok' in value && (value as { ok: unknown }).ok === false) return value as ApiResult<unknown>;
        // Like the main process: the change is announced before the answer arrives.
        const writes = writesOf(method);
        if (options.announce !== false && writes.length > 0) emit(writes);
        return writes.length > 0 ? { ok: true, value, writes } : { ok: true, value };
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: String(err) } };
      }
    },
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );
  return { calls, methods: () => calls.map((c) => c.method), emit, listeners: () => listeners.size };
}
