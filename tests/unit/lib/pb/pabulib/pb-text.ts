// A small valid .pb file, one entry per line, for tests that break it one line at a time.

export const BASE = [
  'META', //                 1
  'key;value', //            2
  'description;Test vote', // 3
  'country;United Kingdom', // 4
  'unit;Test Council', //    5
  'instance;2025', //        6
  'num_projects;3', //       7
  'num_votes;3', //          8
  'budget;1000', //          9
  'vote_type;approval', //   10
  'rule;greedy', //          11
  'PROJECTS', //             12
  'project_id;cost;name', // 13
  'a;500;Park', //           14
  'b;300;Library', //       15
  'c;200;Benches', //        16
  'VOTES', //                17
  'voter_id;vote', //        18
  '1;a,b', //                19
  '2;b', //                  20
  '3;c,a', //                21
];

/** The base file with some lines replaced (null removes the line). */
export function edit(changes: Record<number, string | null>): string {
  return BASE.flatMap((text, i) => {
    const change = changes[i + 1];
    return change === undefined ? [text] : change === null ? [] : [change];
  }).join('\n');
}
