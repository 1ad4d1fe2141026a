// Writes supabase/seeds/pb.sql, the participatory-budgeting demo data: one process in voting, one
// taking ideas and one with published results, counted by the very engine the site uses.
//
//   npm run seed:pb        (or: npx node scripts/seed-pb.ts)
//
// Everything is deterministic (a seeded PRNG), so running it again gives the same file. The
// results process's ballot file is built as the count will build it from the database: the
// shortlisted projects (id = proposal number, cost = checked cost, name, category, district =
// ward), one approval vote per ballot with the ballot's random public id as voter id, votes in
// voter-id order; written with electionToPb and writePb, counted with count(), and stored with
// its sha256 and the engine's result exactly as it came out.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { count, electionToPb, writePb, type ApprovalBallot, type Instance } from '../src/lib/pb/index.ts';
import { mulberry32 } from '../src/lib/pb/prng.ts';

const OUT = 'supabase/seeds/pb.sql';
const OFFICER = '00000000-0000-4000-8000-000000000002';
const RESIDENT = '00000000-0000-4000-8000-000000000001';

/** Fixed ids, readable by kind: 00000000-0000-4000-a<kind>-<n>. */
const id = (kind: number, n: number) => `00000000-0000-4000-a${String(kind).padStart(3, '0')}-${String(n).padStart(12, '0')}`;
const KIND = { process: 1, ward: 2, category: 3, proposal: 4, batch: 5, code: 6, station: 7, ballot: 8, voter: 9, result: 10 } as const;

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (ids: readonly string[]) => `array[${ids.map(q).join(', ')}]::uuid[]`;
const hex = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const code = (random: () => number) =>
  Array.from({ length: 12 }, (_, i) => (i > 0 && i % 4 === 0 ? '-' : '') + ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');

type Proposal = {
  title: string;
  summary: string;
  details: string;
  estimate: number;
  ward: string;
  category: string;
  beneficiaries: string;
  status: 'shortlisted' | 'hidden' | 'not_feasible' | 'merged' | 'submitted';
  cost?: number;
  reason?: string;
  mergedInto?: number;
  author?: string;
};

type Process = {
  n: number;
  slug: string;
  title: string;
  description: string;
  area: string;
  budget: number;
  phase: string;
  eligibility: string[];
  prefixes: string[];
  wards: string[];
  categories: string[];
  proposals: Proposal[];
  phases: Array<[string, string, string | null]>;
  stations: string[];
};

const out: string[] = [];
const emit = (s: string) => out.push(s);

function processSql(p: Process) {
  const pid = id(KIND.process, p.n);
  emit(`insert into private.pb_processes (id, slug, title, description, area, budget, currency, phase, phase_changed_at, rule, rule_options,
  min_projects, max_projects, eligibility, postcode_prefixes, created_by, created_at)
values (${q(pid)}, ${q(p.slug)}, ${q(p.title)}, ${q(p.description)}, ${q(p.area)}, ${p.budget}, 'GBP', 'draft', ${q(p.phases[0]![1])}, 'equal-shares',
  '{"completion": "add1u", "compareWithGreedy": true, "seed": 1}', 1, null, array[${p.eligibility.map(q).join(', ')}],
  array[${p.prefixes.map(q).join(', ')}]::text[], ${q(OFFICER)}, ${q(p.phases[0]![1])});`);
  emit(
    `insert into private.pb_process_officers (process_id, person_id, added_at) values (${q(pid)}, ${q(OFFICER)}, ${q(p.phases[0]![1])});`,
  );
  emit(
    `insert into private.pb_process_phases (process_id, phase, starts_at, ends_at) values\n${p.phases
      .map(([phase, from, to]) => `  (${q(pid)}, ${q(phase)}, ${q(from)}, ${to ? q(to) : 'null'})`)
      .join(',\n')};`,
  );
  emit(
    `insert into private.pb_wards (id, process_id, name) values\n${p.wards.map((w, i) => `  (${q(id(KIND.ward, p.n * 100 + i))}, ${q(pid)}, ${q(w)})`).join(',\n')};`,
  );
  emit(
    `insert into private.pb_categories (id, process_id, name) values\n${p.categories.map((c, i) => `  (${q(id(KIND.category, p.n * 100 + i))}, ${q(pid)}, ${q(c)})`).join(',\n')};`,
  );
  const rows = p.proposals.map((x, i) => {
    const ward = id(KIND.ward, p.n * 100 + p.wards.indexOf(x.ward));
    const category = id(KIND.category, p.n * 100 + p.categories.indexOf(x.category));
    if (!p.wards.includes(x.ward) || !p.categories.includes(x.category)) throw new Error(`proposal ${x.title}: unknown ward or category`);
    return `  (${q(id(KIND.proposal, p.n * 100 + i + 1))}, ${q(pid)}, ${i + 1}, ${q(x.author ?? `00000000-0000-4000-8000-0000000003${String((i % 30) + 1).padStart(2, '0')}`)}, ${q(x.title)}, ${q(x.summary)}, ${q(x.details)}, ${x.estimate}, ${q(ward)}, ${q(category)}, ${q(x.beneficiaries)}, ${q(p.phases[1]![1])})`;
  });
  emit(
    `insert into private.pb_proposals (id, process_id, number, author_id, title, summary, details, estimated_cost, ward_id, category_id, beneficiaries, created_at) values\n${rows.join(',\n')};`,
  );
  // Moderation as it happened: a separate update, so the trail shows the decision after the proposal.
  p.proposals.forEach((x, i) => {
    const row = q(id(KIND.proposal, p.n * 100 + i + 1));
    if (x.status === 'shortlisted')
      emit(
        `update private.pb_proposals set status = 'shortlisted', checked_cost = ${x.cost}, updated_at = ${q(p.phases[2]![1])} where id = ${row};`,
      );
    if (x.status === 'hidden')
      emit(`update private.pb_proposals set status = 'hidden', status_reason = ${q(x.reason!)} where id = ${row};`);
    if (x.status === 'not_feasible')
      emit(
        `update private.pb_proposals set status = 'not_feasible', status_reason = ${q(x.reason!)}, feasibility_note = ${q(x.reason!)} where id = ${row};`,
      );
    if (x.status === 'merged')
      emit(
        `update private.pb_proposals set status = 'merged', merged_into = ${q(id(KIND.proposal, p.n * 100 + x.mergedInto!))}, status_reason = ${q(x.reason!)} where id = ${row};`,
      );
  });
  emit(
    `insert into private.pb_polling_stations (id, process_id, name) values\n${p.stations.map((s, i) => `  (${q(id(KIND.station, p.n * 100 + i))}, ${q(pid)}, ${q(s)})`).join(',\n')};`,
  );
}

/** Ballots a voter might cast: a few projects, local ones likelier, never over the budget. */
function makeBallots(p: Process, voters: number, seed: number, maxChoices: number): Array<{ ward: number; projects: number[] }> {
  const random = mulberry32(seed);
  const shortlist = p.proposals.map((x, i) => ({ ...x, number: i + 1 })).filter((x) => x.status === 'shortlisted');
  const appeal = shortlist.map(() => 0.4 + random() * 1.6);
  const ballots: Array<{ ward: number; projects: number[] }> = [];
  for (let v = 0; v < voters; v++) {
    const ward = Math.floor(random() * p.wards.length);
    const want = 1 + Math.floor(random() * maxChoices);
    const weights = shortlist.map((x, i) => appeal[i]! * (p.wards.indexOf(x.ward) === ward ? 3.5 : 1));
    const chosen: number[] = [];
    let spent = 0;
    for (let k = 0; k < want; k++) {
      const total = weights.reduce((a, b) => a + b, 0);
      if (total <= 0) break;
      let r = random() * total;
      let pick = 0;
      while (r > weights[pick]! && pick < weights.length - 1) r -= weights[pick++]!;
      weights[pick] = 0;
      if (spent + shortlist[pick]!.cost! > p.budget) continue;
      spent += shortlist[pick]!.cost!;
      chosen.push(shortlist[pick]!.number);
    }
    if (chosen.length === 0) chosen.push(shortlist[0]!.number);
    ballots.push({ ward, projects: chosen.sort((a, b) => a - b) });
  }
  return ballots;
}

const CATEGORIES = [
  'Parks and green spaces',
  'Children and young people',
  'Older people',
  'Getting around',
  'Arts and heritage',
  'Health and wellbeing',
];

const chest: Process = {
  n: 1,
  slug: 'community-chest-2027',
  title: 'Community Chest 2027',
  area: 'Oxfordshire',
  budget: 280000,
  phase: 'voting',
  description:
    'Residents of Oxfordshire decide how to spend £280,000 on projects for their neighbourhoods. People put forward ideas in the autumn, council officers checked what each would really cost, and now everyone who lives in the county can vote for the projects they want. You can choose as many projects as you like, as long as they fit in the budget together.',
  eligibility: ['voting_code', 'postcode'],
  prefixes: Array.from({ length: 49 }, (_, i) => `OX${i + 1}`),
  wards: [
    'Abingdon',
    'Banbury',
    'Bicester',
    'Didcot',
    'Oxford Blackbird Leys',
    'Oxford Cowley',
    'Oxford Jericho and Osney',
    'Thame',
    'Wantage and Grove',
    'Witney',
  ],
  categories: CATEGORIES,
  phases: [
    ['draft', '2026-08-03T09:00:00Z', '2026-08-31T17:00:00Z'],
    ['proposals', '2026-09-01T09:00:00Z', '2026-10-16T17:00:00Z'],
    ['review', '2026-10-19T09:00:00Z', '2026-11-20T17:00:00Z'],
    ['voting', '2026-11-23T09:00:00Z', '2026-12-18T17:00:00Z'],
    ['counting', '2026-12-21T09:00:00Z', '2027-01-08T17:00:00Z'],
    ['results', '2027-01-11T09:00:00Z', null],
  ],
  stations: ['Banbury Town Hall', 'Blackbird Leys Library'],
  proposals: [
    {
      title: 'Bike repair hub in Blackbird Leys',
      summary: 'A free weekly bike repair session with tools, spare parts and a trained mechanic.',
      details:
        'We would fit out the empty unit by the community centre as a bike workshop. A mechanic would run a free session every Saturday and teach people to fix their own bikes. Donated bikes would be repaired and given to families who need one.',
      estimate: 20000,
      ward: 'Oxford Blackbird Leys',
      category: 'Getting around',
      beneficiaries: 'Anyone who cycles or wants to, especially families and young people.',
      status: 'shortlisted',
      cost: 18500,
    },
    {
      title: 'Youth music studio in Banbury',
      summary: 'A small recording studio where young people can make music for free.',
      details:
        'The youth centre has a spare room. We would soundproof it, buy recording equipment and pay a music leader for two evenings a week for a year, so young people can write, record and perform.',
      estimate: 45000,
      ward: 'Banbury',
      category: 'Children and young people',
      beneficiaries: 'Young people aged 11 to 19 in Banbury.',
      status: 'shortlisted',
      cost: 42000,
    },
    {
      title: 'Step-free path round Witney Lake',
      summary: 'A smooth, wide path so wheelchair and buggy users can walk all the way round the lake.',
      details:
        'Parts of the path flood and are too rough for wheelchairs. We would resurface 1.2 km of path, add drainage and put in three resting benches with arm rests.',
      estimate: 60000,
      ward: 'Witney',
      category: 'Parks and green spaces',
      beneficiaries: 'Disabled people, older people and parents with buggies.',
      status: 'shortlisted',
      cost: 65000,
    },
    {
      title: 'Winter lunch club in Didcot',
      summary: 'A warm place and a hot meal twice a week through the winter months.',
      details:
        'Volunteers at the church hall would serve a hot lunch on Tuesdays and Fridays from November to March, with a minibus pick-up for people who cannot get there on their own.',
      estimate: 15000,
      ward: 'Didcot',
      category: 'Older people',
      beneficiaries: 'Older people living alone and anyone struggling with heating costs.',
      status: 'shortlisted',
      cost: 14000,
    },
    {
      title: 'Community orchard on Abbey Fields',
      summary: 'Forty fruit trees that anyone can pick from, planted and looked after by local people.',
      details:
        'We would plant apple, pear and plum trees of old Oxfordshire varieties, with a water butt, a tool store and two years of training for volunteers in pruning and care.',
      estimate: 8000,
      ward: 'Abingdon',
      category: 'Parks and green spaces',
      beneficiaries: 'Everyone in Abingdon, and the local primary schools.',
      status: 'shortlisted',
      cost: 9500,
    },
    {
      title: 'Mural trail along Cowley Road',
      summary: 'Six new murals painted by local artists with people who live nearby.',
      details:
        'Artists would run workshops with residents, schools and businesses to design six murals on walls whose owners have agreed. A free map would link them into a walking trail.',
      estimate: 25000,
      ward: 'Oxford Cowley',
      category: 'Arts and heritage',
      beneficiaries: 'Residents, local businesses and visitors.',
      status: 'shortlisted',
      cost: 22000,
    },
    {
      title: 'Teenage drop-in evenings in Bicester',
      summary: 'Three evenings a week with games, food and youth workers to talk to.',
      details:
        'The drop-in would run at the leisure centre for a year, with two trained youth workers, free food and activities chosen by the young people themselves.',
      estimate: 35000,
      ward: 'Bicester',
      category: 'Children and young people',
      beneficiaries: 'Teenagers in Bicester.',
      status: 'shortlisted',
      cost: 36000,
    },
    {
      title: 'Dementia-friendly cinema in Thame',
      summary: 'A monthly film screening with the lights up, the sound lower and tea afterwards.',
      details:
        'The town hall would show a film once a month for a year, with staff trained in dementia awareness and carers welcome free of charge.',
      estimate: 7000,
      ward: 'Thame',
      category: 'Older people',
      beneficiaries: 'People living with dementia and their carers.',
      status: 'shortlisted',
      cost: 7800,
    },
    {
      title: 'Community minibus for Wantage and Grove',
      summary: 'An accessible minibus, driven by volunteers, for trips to shops, clinics and clubs.',
      details:
        'We would buy a second-hand accessible minibus and pay for insurance, fuel and driver training for two years. Local groups could book it at low cost.',
      estimate: 55000,
      ward: 'Wantage and Grove',
      category: 'Getting around',
      beneficiaries: 'People who do not drive, older and disabled people, and community groups.',
      status: 'shortlisted',
      cost: 58000,
    },
    {
      title: 'Free swimming lessons for Year 6',
      summary: 'Ten swimming lessons for every Year 6 child who cannot yet swim 25 metres.',
      details:
        'Many children leave primary school unable to swim. The leisure centre would give ten lessons, with transport from school, to every Year 6 child in the area who needs them.',
      estimate: 30000,
      ward: 'Oxford Blackbird Leys',
      category: 'Health and wellbeing',
      beneficiaries: 'Children aged 10 and 11.',
      status: 'shortlisted',
      cost: 31000,
    },
    {
      title: 'Canal-side benches and planting in Jericho',
      summary: 'Benches, wildflower planting and bins along the canal towpath.',
      details:
        'We would put in eight benches, plant wildflower strips along 400 metres of towpath and add four bins, working with the Canal and River Trust.',
      estimate: 12000,
      ward: 'Oxford Jericho and Osney',
      category: 'Parks and green spaces',
      beneficiaries: 'Walkers, boaters and people who live by the canal.',
      status: 'shortlisted',
      cost: 12600,
      author: RESIDENT,
    },
    {
      title: "Men's shed workshop in Banbury",
      summary: 'A shared workshop where men can make, mend and meet others.',
      details:
        'We would rent and equip a workshop for two years with woodworking tools and a tea corner. Sheds like this help people who are lonely or have retired to stay well.',
      estimate: 27000,
      ward: 'Banbury',
      category: 'Health and wellbeing',
      beneficiaries: 'Men who are retired, lonely or out of work.',
      status: 'shortlisted',
      cost: 27500,
    },
    {
      title: 'Family fun day at Didcot Park',
      summary: 'A free summer fun day with stalls and activities.',
      details: 'A fun day with a bouncy castle and stalls. Call me on my mobile to book a stall at my company’s discount rate.',
      estimate: 6000,
      ward: 'Didcot',
      category: 'Children and young people',
      beneficiaries: 'Families in Didcot.',
      status: 'hidden',
      reason: 'Your proposal included a private phone number and an advert for a business. You are welcome to send it again without them.',
      author: RESIDENT,
    },
    {
      title: 'Footbridge over the A34 at Abingdon',
      summary: 'A bridge for people walking and cycling across the A34.',
      details:
        'A new footbridge would link the estates either side of the A34 so people do not have to walk the long way round by the road.',
      estimate: 250000,
      ward: 'Abingdon',
      category: 'Getting around',
      beneficiaries: 'People walking and cycling in Abingdon.',
      status: 'not_feasible',
      reason:
        'A bridge over a trunk road needs National Highways to agree and would cost far more than the whole budget. We have passed the idea to the county council’s transport team.',
    },
    {
      title: 'Repair café and bike fixing in Blackbird Leys',
      summary: 'A monthly repair café for bikes, small electrical things and clothes.',
      details: 'Volunteers would fix bikes, lamps, toasters and clothes for free once a month so fewer things are thrown away.',
      estimate: 12000,
      ward: 'Oxford Blackbird Leys',
      category: 'Getting around',
      beneficiaries: 'Everyone in Blackbird Leys.',
      status: 'merged',
      mergedInto: 1,
      reason: 'This is the same idea as P-001, so the two proposers now share one project.',
    },
  ],
};

const didcot: Process = {
  n: 2,
  slug: 'didcot-villages-2026',
  title: 'Didcot and Villages Community Budget 2026',
  area: 'Didcot and nearby villages',
  budget: 150000,
  phase: 'results',
  description:
    'In summer 2026, people living in Didcot and the villages around it voted on how to spend £150,000. The votes were counted with the Method of Equal Shares, which shares the budget fairly between voters so that every part of the area gets projects it asked for. The results and the anonymous ballots are published here so anyone can check the count.',
  eligibility: ['voting_code'],
  prefixes: [],
  wards: ['Didcot North East', 'Didcot South', 'Harwell and Chilton', 'Blewbury and Upton', 'Sutton Courtenay'],
  categories: CATEGORIES,
  phases: [
    ['draft', '2026-02-02T09:00:00Z', '2026-02-27T17:00:00Z'],
    ['proposals', '2026-03-02T09:00:00Z', '2026-04-10T17:00:00Z'],
    ['review', '2026-04-13T09:00:00Z', '2026-05-22T17:00:00Z'],
    ['voting', '2026-06-01T09:00:00Z', '2026-06-28T17:00:00Z'],
    ['counting', '2026-06-29T09:00:00Z', '2026-07-03T17:00:00Z'],
    ['results', '2026-07-06T09:00:00Z', null],
  ],
  stations: ['Didcot Civic Hall', 'Harwell Village Hall', 'Sutton Courtenay Library'],
  proposals: [
    [
      'Skate park repairs at Edmonds Park',
      'Resurface the skate park and replace the broken ramps.',
      38000,
      'Didcot North East',
      'Children and young people',
    ],
    [
      'Play area for toddlers in Ladygrove',
      'Swings, a sandpit and soft ground for children under five.',
      26000,
      'Didcot North East',
      'Children and young people',
    ],
    [
      'Safer crossing near Didcot station',
      'A zebra crossing with lights on the busy road by the station.',
      45000,
      'Didcot South',
      'Getting around',
    ],
    [
      'Library homework club',
      'Help with homework after school, four days a week, for a year.',
      12000,
      'Didcot South',
      'Children and young people',
    ],
    [
      'Harwell village green benches',
      'Six new benches and two picnic tables on the green.',
      6500,
      'Harwell and Chilton',
      'Parks and green spaces',
    ],
    ['Chilton footpath lighting', 'Solar lights along the footpath to the school.', 18000, 'Harwell and Chilton', 'Getting around'],
    [
      'Blewbury wildflower meadow',
      'Turn a mown field into a wildflower meadow with a mown path.',
      7500,
      'Blewbury and Upton',
      'Parks and green spaces',
    ],
    ['Upton village hall kitchen', 'A new kitchen so the hall can host lunches and events.', 22000, 'Blewbury and Upton', 'Older people'],
    [
      'Sutton Courtenay riverside clean-up',
      'Tools, skips and a year of volunteer days to clear the riverbank.',
      5000,
      'Sutton Courtenay',
      'Parks and green spaces',
    ],
    [
      'Sutton Courtenay youth football kit',
      'Goals, balls and kit for a new girls’ and boys’ under-12 team.',
      4500,
      'Sutton Courtenay',
      'Health and wellbeing',
    ],
    ['Didcot carers’ café', 'A weekly café where unpaid carers can rest and get advice.', 15000, 'Didcot South', 'Health and wellbeing'],
    ['Local history trail', 'Plaques and a free booklet about the railway town’s history.', 9000, 'Didcot North East', 'Arts and heritage'],
    [
      'Community defibrillators',
      'Five public defibrillators with training for local people.',
      11000,
      'Harwell and Chilton',
      'Health and wellbeing',
    ],
    [
      'Village bus to Didcot for Blewbury',
      'A weekly bus on market day for people without a car.',
      28000,
      'Blewbury and Upton',
      'Getting around',
    ],
    [
      'Outdoor gym at Didcot Great Western Park',
      'Eight pieces of free outdoor gym equipment.',
      32000,
      'Didcot South',
      'Health and wellbeing',
    ],
  ].map(([title, summary, cost, ward, category]) => ({
    title: title as string,
    summary: summary as string,
    details: `${summary as string} The council checked the cost with suppliers before the vote.`,
    estimate: cost as number,
    cost: cost as number,
    ward: ward as string,
    category: category as string,
    beneficiaries: `People in and around ${ward as string}.`,
    status: 'shortlisted' as const,
  })),
};
didcot.proposals.push({
  title: 'Indoor swimming pool for Harwell',
  summary: 'A new public swimming pool in the village.',
  details: 'A 25-metre pool with changing rooms.',
  estimate: 3000000,
  ward: 'Harwell and Chilton',
  category: 'Health and wellbeing',
  beneficiaries: 'Everyone.',
  status: 'not_feasible',
  reason:
    'A new pool would cost around £3 million, far more than this budget, and would need years of planning. The idea has been passed to the district council’s leisure review.',
});

emit(`-- Participatory budgeting demo data. GENERATED by scripts/seed-pb.ts (npm run seed:pb): edit the
-- script, not this file. Loaded after seed.sql (config.toml [db.seed] sql_paths). Three processes:
-- "Community Chest 2027" (£280,000, in voting), "Didcot and Villages Community Budget 2026"
-- (£150,000, results published from 2,000 generated ballots) and "Bicester Ideas 2027"
-- (£60,000, taking ideas). Every project, person and number
-- is invented. Rows are written directly, as the seed's, so the audit triggers record each one.
-- Demo voting codes for Community Chest 2027 (unused; listed in the README):
--   CHST-DEMX-2222  CHST-DEMX-3333  CHST-DEMX-4444  CHST-DEMX-5555
--   CHST-DEMX-6666  CHST-DEMX-7777  CHST-DEMX-8888  CHST-DEMX-9999

select set_config('app.acting_as', 'seed', false),
       set_config('app.audit_details', '{"source": "supabase/seeds/pb.sql"}', false);

-- Residents who took part (data only: they cannot sign in).`);

const FIRST = [
  'Amira',
  'Ben',
  'Chloe',
  'Daniel',
  'Ellen',
  'Faisal',
  'Grace',
  'Harry',
  'Isla',
  'Jamal',
  'Katie',
  'Liam',
  'Maya',
  'Noah',
  'Olivia',
  'Priya',
  'Rhys',
  'Sophie',
  'Tariq',
  'Una',
  'Vikram',
  'Wendy',
  'Yusuf',
  'Zara',
  'Alfie',
  'Bethan',
  'Callum',
  'Deborah',
  'Eddie',
  'Fatima',
];
const LAST = [
  'Hussain',
  'Clarke',
  'Patel',
  'Morgan',
  'Nowak',
  'Ali',
  'Evans',
  'Okafor',
  'Reid',
  'Begum',
  'Turner',
  'Walsh',
  'Chen',
  'Ward',
  'Green',
  'Shah',
  'Jones',
  'Baker',
  'Khan',
  'Doyle',
  'Mehta',
  'Price',
  'Ibrahim',
  'Lewis',
  'Hughes',
  'Owen',
  'Murray',
  'Ahmed',
  'Cole',
  'Bell',
];
emit(`insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at,
                        confirmation_token, recovery_token, email_change_token_new, email_change,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email, now(), '', '', '', '',
       '{"provider": "email", "providers": ["email"]}'::jsonb, jsonb_build_object('display_name', u.display_name), now(), now()
from (values
${FIRST.map((f, i) => `  ('00000000-0000-4000-8000-0000000003${String(i + 1).padStart(2, '0')}'::uuid, '${f.toLowerCase()}.${LAST[i]!.toLowerCase()}@example.org', '${f} ${LAST[i]}')`).join(',\n')}
) as u (id, email, display_name);`);

// ---- Community Chest 2027: in voting --------------------------------------------------------
emit('\n-- Community Chest 2027: in voting, with ballots online and on paper so far.');
processSql(chest);
{
  const pid = id(KIND.process, 1);
  const random = mulberry32(2027);
  emit(`update private.pb_processes set phase = 'voting', phase_changed_at = '2026-11-23T09:00:00Z' where id = ${q(pid)};`);
  const demo = ['2222', '3333', '4444', '5555', '6666', '7777', '8888', '9999'].map((d) => `CHST-DEMX-${d}`);
  emit(`insert into private.pb_code_batches (id, process_id, label, size, issued_by, issued_at) values
  (${q(id(KIND.batch, 101))}, ${q(pid)}, 'Demo codes (listed in the README)', ${demo.length}, ${q(OFFICER)}, '2026-11-20T10:00:00Z'),
  (${q(id(KIND.batch, 102))}, ${q(pid)}, 'Ballot papers at polling stations', 60, ${q(OFFICER)}, '2026-11-20T10:05:00Z');`);
  const paperCodes = Array.from({ length: 60 }, () => code(random));
  const ballots = makeBallots(chest, 42, 11, 5);
  const codeRows = [
    ...demo.map(
      (c, i) =>
        `  (${q(id(KIND.code, 10000 + i))}, ${q(pid)}, ${q(id(KIND.batch, 101))}, private.pb_code_hash(${q(pid)}, ${q(c)}), null, null)`,
    ),
    ...paperCodes.map(
      (c, i) =>
        `  (${q(id(KIND.code, 11000 + i))}, ${q(pid)}, ${q(id(KIND.batch, 102))}, private.pb_code_hash(${q(pid)}, ${q(c)}), ${i < 12 ? `'2026-12-0${1 + (i % 2)}T18:30:00Z', 'paper'` : 'null, null'})`,
    ),
  ];
  emit(`insert into private.pb_voting_codes (id, process_id, batch_id, code_hash, used_at, used_channel) values\n${codeRows.join(',\n')};`);
  // 30 residents proved eligibility by postcode and voted online; 12 paper ballots came in.
  emit(
    `insert into private.pb_eligible_people (process_id, person_id, method, postcode, proved_at) values\n${Array.from(
      { length: 30 },
      (_, i) =>
        `  (${q(pid)}, '00000000-0000-4000-8000-0000000003${String(i + 1).padStart(2, '0')}', 'postcode', 'OX${1 + (i % 29)} ${1 + (i % 9)}${'ABDEFGHJLNPQRSTUWXYZ'[i % 20]}${'ABDEFGHJLNPQRSTUWXYZ'[(i * 7) % 20]}', '2026-11-${String(23 + (i % 8)).padStart(2, '0')}T12:00:00Z')`,
    ).join(',\n')};`,
  );
  const shortlistIds = (nums: number[]) => nums.map((n) => id(KIND.proposal, 100 + n));
  const ballotRows = ballots.map((b, i) => {
    const online = i < 30;
    const at = online
      ? `2026-11-${String(23 + (i % 8)).padStart(2, '0')}T12:${String(10 + (i % 40)).padStart(2, '0')}:00Z`
      : `2026-12-0${1 + (i % 2)}T18:30:00Z`;
    return `  (${q(id(KIND.ballot, 1000 + i))}, ${q(pid)}, ${q(hex(random, 18))}, ${sqlArray(shortlistIds(b.projects))}, ${online ? `'online', null` : `'paper', ${q(id(KIND.station, 100 + (i % 2)))}`}, ${q(at)})`;
  });
  emit(
    `insert into private.pb_ballots (id, process_id, public_id, proposal_ids, channel, station_id, cast_at) values\n${ballotRows.join(',\n')};`,
  );
  emit(`insert into private.pb_voters (id, process_id, person_id, code_id, ballot_id, first_voted_at)
select v.id, ${q(pid)}, v.person_id, v.code_id, v.ballot_id, b.cast_at
from (values
${ballots.map((_, i) => `  (${q(id(KIND.voter, 1000 + i))}::uuid, ${i < 30 ? `'00000000-0000-4000-8000-0000000003${String(i + 1).padStart(2, '0')}'::uuid, null::uuid` : `null::uuid, ${q(id(KIND.code, 11000 + i - 30))}::uuid`}, ${q(id(KIND.ballot, 1000 + i))}::uuid)`).join(',\n')}
) as v (id, person_id, code_id, ballot_id) join private.pb_ballots b on b.id = v.ballot_id;`);
  emit(`insert into private.pb_receipts (receipt_hash, ballot_id, issued_at)
select private.pb_receipt_hash(r.receipt), r.ballot_id, b.cast_at
from (values
${ballots
  .slice(0, 30)
  .map((_, i) => `  (${q(code(random) + '-' + code(random).slice(0, 4))}, ${q(id(KIND.ballot, 1000 + i))}::uuid)`)
  .join(',\n')}
) as r (receipt, ballot_id) join private.pb_ballots b on b.id = r.ballot_id;`);
}

// ---- Didcot and Villages 2026: results published --------------------------------------------
emit('\n-- Didcot and Villages Community Budget 2026: 2,000 ballots, counted, results published.');
processSql(didcot);
{
  const pid = id(KIND.process, 2);
  const random = mulberry32(2026);
  const VOTERS = 2000;
  const LETTERS = 2150;
  emit(`update private.pb_processes set phase = 'results', phase_changed_at = '2026-07-06T09:00:00Z' where id = ${q(pid)};`);
  emit(`insert into private.pb_code_batches (id, process_id, label, size, issued_by, issued_at) values
  (${q(id(KIND.batch, 201))}, ${q(pid)}, 'Letters to every household', ${LETTERS}, ${q(OFFICER)}, '2026-05-26T10:00:00Z');`);
  const ballots = makeBallots(didcot, VOTERS, 7, 6);
  const publicIds = new Set<string>();
  const rows = ballots.map((b, i) => {
    let pub = hex(random, 18);
    while (publicIds.has(pub)) pub = hex(random, 18);
    publicIds.add(pub);
    const paper = random() < 0.15;
    const day = 1 + Math.floor(random() * 28);
    const at = `2026-06-${String(day).padStart(2, '0')}T${String(8 + Math.floor(random() * 12)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`;
    return { i, pub, paper, at, station: paper ? b.ward % didcot.stations.length : -1, projects: b.projects };
  });
  emit(`insert into private.pb_voting_codes (id, process_id, batch_id, code_hash, used_at, used_channel)
select ('00000000-0000-4000-a006-' || lpad((20000 + n)::text, 12, '0'))::uuid, ${q(pid)}, ${q(id(KIND.batch, 201))},
       private.pb_code_hash(${q(pid)}, 'DIDCOT-LETTER-' || n), u.at::timestamptz, u.channel
from generate_series(0, ${LETTERS - 1}) as n
left join (values
${rows.map((r) => `  (${r.i}, ${q(r.at)}, ${r.paper ? "'paper'" : "'online'"})`).join(',\n')}
) as u (i, at, channel) on u.i = n;`);
  emit(
    `insert into private.pb_ballots (id, process_id, public_id, proposal_ids, channel, station_id, cast_at) values\n${rows
      .map(
        (r) =>
          `  (${q(id(KIND.ballot, 20000 + r.i))}, ${q(pid)}, ${q(r.pub)}, ${sqlArray(r.projects.map((n) => id(KIND.proposal, 200 + n)))}, ${r.paper ? `'paper', ${q(id(KIND.station, 200 + r.station))}` : "'online', null"}, ${q(r.at)})`,
      )
      .join(',\n')};`,
  );
  emit(`insert into private.pb_voters (id, process_id, code_id, ballot_id, first_voted_at)
select ('00000000-0000-4000-a009-' || lpad((20000 + n)::text, 12, '0'))::uuid, ${q(pid)},
       ('00000000-0000-4000-a006-' || lpad((20000 + n)::text, 12, '0'))::uuid, b.id, b.cast_at
from generate_series(0, ${VOTERS - 1}) as n
join private.pb_ballots b on b.id = ('00000000-0000-4000-a008-' || lpad((20000 + n)::text, 12, '0'))::uuid;`);

  // The ballot file, as the count builds it from the database, and its count.
  const shortlist = didcot.proposals.map((x, i) => ({ ...x, number: i + 1 })).filter((x) => x.status === 'shortlisted');
  const instance: Instance = {
    projects: shortlist.map((x) => ({ id: String(x.number), cost: x.cost!, name: x.title, category: [x.category], district: x.ward })),
    budget: didcot.budget,
    currency: 'GBP',
  };
  const votes: ApprovalBallot[] = [...rows]
    .sort((a, b) => (a.pub < b.pub ? -1 : a.pub > b.pub ? 1 : 0))
    .map((r) => ({ voterId: r.pub, approved: r.projects.map(String) }));
  const file = writePb(
    electionToPb(
      { instance, profile: { kind: 'approval', ballots: votes }, voteType: 'approval' },
      {
        description: didcot.title,
        country: 'United Kingdom',
        unit: 'Didcot and nearby villages',
        instance: '2026',
        rule: 'equal-shares',
        extra: [
          ['date_begin', '01.06.2026'],
          ['date_end', '28.06.2026'],
          ['min_length', '1'],
        ],
      },
    ),
  );
  const options = { completion: 'add1u', compareWithGreedy: true, seed: 1 } as const;
  const result = count(instance, { kind: 'approval', ballots: votes }, { rule: 'equal-shares', ...options });
  const sha = createHash('sha256').update(file, 'utf8').digest('hex');
  emit(`insert into private.pb_results (id, process_id, rule, options, ballot_file, ballot_file_sha256, result, ballots, counted_by, counted_at)
values (${q(id(KIND.result, 2))}, ${q(pid)}, 'equal-shares', ${q(JSON.stringify(options))}, ${q(file)}, ${q(sha)},
  ${q(JSON.stringify(result))}, ${VOTERS}, ${q(OFFICER)}, '2026-07-01T10:00:00Z');`);
  emit(
    `update private.pb_results set published_at = '2026-07-06T09:00:00Z', published_by = ${q(OFFICER)} where id = ${q(id(KIND.result, 2))};`,
  );
  console.log(`Didcot: ${VOTERS} ballots, winners ${result.winners.join(', ')} (outcome ${result.outcome}), sha256 ${sha}`);
}

// ---- Bicester Ideas 2027: taking ideas ----------------------------------------------------
// So a resident can try suggesting a project on a fresh checkout (the others are past that step).
const bicester: Process = {
  n: 3,
  slug: 'bicester-ideas-2027',
  title: 'Bicester Ideas 2027',
  area: 'Bicester',
  budget: 60000,
  phase: 'proposals',
  description:
    'People who live in Bicester can suggest projects for their neighbourhood until the end of January. Council officers will check each idea, and in the spring everyone in Bicester can vote on how to share out £60,000.',
  eligibility: ['postcode'],
  prefixes: ['OX25', 'OX26', 'OX27'],
  wards: ['Bicester East', 'Bicester North', 'Bicester South', 'Bicester West'],
  categories: CATEGORIES,
  phases: [
    ['draft', '2026-10-05T09:00:00Z', '2026-11-13T17:00:00Z'],
    ['proposals', '2026-11-16T09:00:00Z', '2027-01-29T17:00:00Z'],
    ['review', '2027-02-01T09:00:00Z', '2027-03-05T17:00:00Z'],
    ['voting', '2027-03-15T09:00:00Z', '2027-04-09T17:00:00Z'],
    ['counting', '2027-04-12T09:00:00Z', '2027-04-16T17:00:00Z'],
    ['results', '2027-04-19T09:00:00Z', null],
  ],
  stations: ['Bicester Library'],
  proposals: [
    {
      title: 'Wildflower verges on Launton Road',
      summary: 'Sow wildflowers on the grass verges instead of mowing them every fortnight.',
      details: 'Local volunteers would sow native wildflower seed on four verges, with signs saying why the grass is left long.',
      estimate: 3500,
      ward: 'Bicester East',
      category: 'Parks and green spaces',
      beneficiaries: 'Everyone who walks along Launton Road, and the bees.',
      status: 'submitted',
    },
    {
      title: 'Chess and board games club for older people',
      summary: 'A weekly games afternoon with tea in the community centre.',
      details:
        'Two volunteers would run the club every Wednesday for a year. The money pays for the room, games, tea and a taxi for people who cannot get there.',
      estimate: 4800,
      ward: 'Bicester North',
      category: 'Older people',
      beneficiaries: 'Older people who live alone.',
      status: 'submitted',
    },
    {
      title: 'Safe cycle parking at the station',
      summary: 'Covered, locked bike racks for 40 bikes at Bicester North station.',
      details: 'A covered shelter with racks and a camera, so people can cycle to the train without their bike being stolen.',
      estimate: 18000,
      ward: 'Bicester West',
      category: 'Getting around',
      beneficiaries: 'People who commute by train.',
      status: 'submitted',
    },
  ],
};
emit('\n-- Bicester Ideas 2027: taking ideas, so a resident can suggest a project.');
processSql(bicester);
emit(
  `update private.pb_processes set phase = 'proposals', phase_changed_at = '2026-11-16T09:00:00Z' where id = ${q(id(KIND.process, 3))};`,
);

emit(`
-- Later changes in this session are no longer the seed's.
select set_config('app.acting_as', '', false), set_config('app.audit_details', '', false);
`);

mkdirSync('supabase/seeds', { recursive: true });
writeFileSync(OUT, out.join('\n\n'));
console.log(`Wrote ${OUT}`);
