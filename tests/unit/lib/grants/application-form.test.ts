import { describe, expect, it } from 'vitest';
import { checkApplication, readApplicationsCsv } from '../../../../src/lib/grants/application-form.ts';

const good = {
  organisation_name: 'Wantage Walkers',
  organisation_type: 'Community group',
  charity_number: '1123456',
  contact_name: 'Sam Lee',
  contact_email: 'sam@example.org',
  project_title: 'Walks for all',
  description: 'Weekly walks.',
  amount_requested: '£2,500',
};

describe('checking an application', () => {
  it('accepts a good one and shapes it for the API, contact details apart', () => {
    const result = checkApplication(good);
    expect(result).toEqual({
      ok: true,
      application: expect.objectContaining({
        organisation_name: 'Wantage Walkers',
        organisation_type: 'community group',
        amount_requested: 2500,
        charity_number: '1123456',
        company_number: null,
        contact: { name: 'Sam Lee', email: 'sam@example.org', phone: null },
      }),
    });
  });

  it('names every field that is wrong, in plain words', () => {
    const result = checkApplication({
      ...good,
      organisation_type: 'club',
      organisation_name: ' ',
      charity_number: '12ab',
      amount_requested: 'lots',
      contact_email: 'sam',
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        organisation_name: "Enter the organisation's name",
        organisation_type:
          'Choose the type of organisation: registered charity, charitable incorporated organisation, community interest company, company limited by guarantee, community group, social enterprise, other',
        charity_number: 'A charity number is 6 to 8 digits, like 1123456',
        amount_requested: 'Enter the amount asked for in pounds, like 5000',
        contact_email: 'Enter an email address like name@example.org',
      },
    });
  });
});

it('needs a way to reach the contact person', () => {
  expect(checkApplication({ ...good, contact_email: '' })).toEqual({
    ok: false,
    problems: { contact_email: 'Enter an email address or a phone number for the contact person' },
  });
  expect(checkApplication({ ...good, contact_email: '', contact_phone: '01865 000123' }).ok).toBe(true);
});

describe('importing applications from a spreadsheet', () => {
  it('reports row by row, by line, and keeps the good rows', () => {
    const csv =
      'organisation_name,organisation_type,contact_name,contact_phone,project_title,description,amount_requested\nA Group,community group,Ann,01865 000111,Cafe,Tea and talk,1000\n\nB Group,community group,,01865 000112,Walks,Walking,x\n';
    const { rows } = readApplicationsCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ line: 2, problems: [], application: { organisation_name: 'A Group', amount_requested: 1000 } });
    expect(rows[1]).toEqual({ line: 4, problems: ["Enter the contact person's name", 'Enter the amount asked for in pounds, like 5000'] });
  });

  it('says which columns are missing', () => {
    expect(readApplicationsCsv('name,amount\nx,1\n').problem).toBe(
      'The first row must name the columns. These are missing: organisation_name, organisation_type, contact_name, project_title, description, amount_requested.',
    );
  });
});
