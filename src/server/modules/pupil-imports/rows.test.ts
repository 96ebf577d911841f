import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { parseCsv } from './csv.js';
import { resolveMapping, suggestMapping } from './mapping.js';
import { checkRow, parseDate, parseGezag, schoolKey, type TLookups } from './rows.js';

describe('reading the CSV file', () => {
  it('reads ; and , files, with or without BOM, and numbers rows as a spreadsheet does', () => {
    const semi = parseCsv('\uFEFFRoepnaam;Achternaam\r\nSanne;"de Vries; jr."\r\n\r\nDaan;Bakker\r\n');
    expect(semi.columns).toEqual(['Roepnaam', 'Achternaam']);
    // the empty line is row 3: Daan is on row 4, as in Excel
    expect(semi.rows).toEqual([
      { row: 2, cells: ['Sanne', 'de Vries; jr.'] },
      { row: 4, cells: ['Daan', 'Bakker'] },
    ]);
    const comma = parseCsv('First name,Last name\nEmma,"Berg, van den"\n');
    expect(comma.rows[0]!.cells).toEqual(['Emma', 'Berg, van den']);
  });

  it('keeps a quoted line break inside one row', () => {
    const p = parseCsv('A;B\n"x\ny";z\nq;r\n');
    expect(p.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('names empty and repeated headers so a mapping can point at each', () => {
    expect(parseCsv('Naam;;Naam\n1;2;3\n').columns).toEqual(['Naam', '(2)', 'Naam (2)']);
  });

  it('refuses an empty file and an unclosed quote, with the rule', () => {
    const rule = (text: string) => {
      try {
        parseCsv(text);
        return null;
      } catch (e) {
        return (e as AppError).issues?.[0]?.rule;
      }
    };
    expect(rule('')).toBe('import_empty');
    expect(rule('A;B\n"open;x\n')).toBe('import_unreadable');
  });
});

describe('suggesting a mapping', () => {
  it('recognises the usual Dutch headers of a pupil administration export', () => {
    const m = suggestMapping([
      'Leerlingnummer',
      'Voornamen',
      'Roepnaam',
      'Tussenvoegsel',
      'Achternaam',
      'Geboortedatum',
      'BRIN',
      'Vestiging',
      'Groep',
      'Woonplaats gemeente',
      'Datum inschrijving',
      'Naam ouder/verzorger 1',
      'E-mail ouder 1',
      'Telefoon ouder 1',
      'Gezag ouder 1',
      'Naam ouder/verzorger 2',
      'E-mail ouder 2',
    ]);
    expect(m).toEqual({
      externalRef: 'Leerlingnummer',
      firstName: 'Roepnaam',
      namePrefix: 'Tussenvoegsel',
      lastName: 'Achternaam',
      dateOfBirth: 'Geboortedatum',
      brin: 'BRIN',
      vestiging: 'Vestiging',
      groupName: 'Groep',
      gemeente: 'Woonplaats gemeente',
      enrolledOn: 'Datum inschrijving',
      guardianName: 'Naam ouder/verzorger 1',
      guardianEmail: 'E-mail ouder 1',
      guardianPhone: 'Telefoon ouder 1',
      guardianHasGezag: 'Gezag ouder 1',
    });
  });

  it('recognises English headers, and leaves unknown ones out', () => {
    const m = suggestMapping([
      'Student number',
      'First name',
      'Last name',
      'Date of birth',
      'Class',
      'Municipality',
      'Shoe size',
    ]);
    expect(m).toMatchObject({
      externalRef: 'Student number',
      firstName: 'First name',
      lastName: 'Last name',
      dateOfBirth: 'Date of birth',
      groupName: 'Class',
      gemeente: 'Municipality',
      brin: null,
      guardianName: null,
    });
    expect(Object.values(m)).not.toContain('Shoe size');
  });

  it('refuses a mapping that misses a required field or names a column the file lacks', () => {
    try {
      resolveMapping(['A', 'B'], { firstName: 'A', lastName: 'C' });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).issues?.map((i) => [i.field, i.rule])).toEqual([
        ['mapping.lastName', 'import_unknown_column'],
        ['mapping.dateOfBirth', 'import_column_required'],
        ['mapping.brin', 'import_column_required'],
      ]);
    }
  });
});

describe('cell values', () => {
  it('reads ISO and Dutch dates, and refuses dates that do not exist', () => {
    expect(parseDate('2016-05-31')).toBe('2016-05-31');
    expect(parseDate('31-05-2016')).toBe('2016-05-31');
    expect(parseDate('1-5-2016')).toBe('2016-05-01');
    expect(parseDate('31/05/2016 00:00')).toBe('2016-05-31');
    for (const bad of ['31-02-2016', '2016-13-01', '05-31-2016x', '31 mei 2016', '']) expect(parseDate(bad)).toBeNull();
  });

  it('reads gezag as ja/nee, yes/no or 1/0; empty is the default', () => {
    expect(['ja', 'Yes', '1', 'J'].map(parseGezag)).toEqual([true, true, true, true]);
    expect(['nee', 'No', '0'].map(parseGezag)).toEqual([false, false, false]);
    expect(parseGezag('')).toBeUndefined();
    expect(parseGezag('misschien')).toBeNull();
  });

  it('restores the vestiging a spreadsheet shortened, and splits a BRIN with vestiging', () => {
    expect(schoolKey(' 12ab ', '0')).toEqual({ brin: '12AB', vestiging: '00' });
    expect(schoolKey('12AB01', '')).toEqual({ brin: '12AB', vestiging: '01' });
  });

  it('reports every problem of a row at once', () => {
    const lookups: TLookups = {
      schools: new Map([['12AB|00', 's1']]),
      schoolsByBrin: new Map([['12AB', ['s1']]]),
      groups: new Map(),
      gemeenten: new Map(),
    };
    const cols = { firstName: 0, lastName: 1, dateOfBirth: 2, brin: 3, groupName: 4 };
    const out = checkRow(7, ['', 'Bakker', '31-02-2016', '12AB', 'Groep 9'], cols, lookups, '2026-11-23');
    expect('problems' in out && out.problems.map((p) => [p.row, p.field, p.rule])).toEqual([
      [7, 'firstName', 'required'],
      [7, 'dateOfBirth', 'invalid_date'],
      [7, 'groupName', 'unknown_group'],
    ]);
  });
});
