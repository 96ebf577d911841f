import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLISTS, type TChecklistItem } from '../../../shared/support-request.js';
import { evaluateChecklist, takesFile, type TChecklistFacts } from './checklist.js';

const NONE: TChecklistFacts = { opp_adopted: false, dossier_present: false, parents_informed: false, parents_signed: false, documents: null };

describe('the intake checklist, read off the data', () => {
  it('meets each kind by its own fact, and a document only by a file for that item', () => {
    const items: TChecklistItem[] = [
      ...DEFAULT_CHECKLISTS.tlv,
      { id: 'psych', kind: 'document', label: 'Verslag psychologisch onderzoek' },
      { id: 'speech', kind: 'document', label: 'Logopedisch verslag' },
    ];
    expect(evaluateChecklist(items, NONE).every((c) => !c.met)).toBe(true);
    const some = evaluateChecklist(items, { ...NONE, opp_adopted: true, parents_signed: true, documents: ['psych', 'other'] });
    expect(some.map((c) => [c.id, c.met])).toEqual([
      ['opp_adopted', true],
      ['dossier_present', false],
      ['parents_informed', false],
      ['parents_signed', true],
      ['psych', true],
      ['speech', false],
    ]);
    expect(some.find((c) => c.id === 'psych')?.label).toBe('Verslag psychologisch onderzoek');
    expect(some.find((c) => c.id === 'opp_adopted')?.label).toBeNull();
  });

  it('takes a file only for a document or the parents’ signature', () => {
    expect(DEFAULT_CHECKLISTS.tlv.filter(takesFile).map((i) => i.id)).toEqual(['parents_signed']);
    expect(takesFile({ id: 'x', kind: 'document' })).toBe(true);
  });
});
