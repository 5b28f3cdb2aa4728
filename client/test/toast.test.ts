import { describe, expect, it } from 'vitest';
import { GraphQLFailure } from '../src/api/http';
import { dictionaries } from '../src/i18n';
import { failureText } from '../src/ui/toast';

describe('failureText (the toast of a refused action)', () => {
  it('names the action and the reason in the UI language only, never the server English message', () => {
    const text = failureText('alerts.acknowledgeFailed', new GraphQLFailure('no recent alert has id 3f2a', 200, 'NOT_FOUND'));

    expect(text).toBe(`${dictionaries.vi['alerts.acknowledgeFailed']}: ${dictionaries.vi['toast.notFound']}`);
    expect(text).not.toContain('recent alert');
  });

  it('says the role may not, for FORBIDDEN, and asks to retry for anything unknown', () => {
    expect(failureText('toast.watchFailed', new GraphQLFailure('x', 403, 'FORBIDDEN'))).toContain(dictionaries.vi['toast.forbidden']);
    expect(failureText('toast.watchFailed', new Error('socket hang up'))).toContain(dictionaries.vi['toast.failed']);
  });
});
