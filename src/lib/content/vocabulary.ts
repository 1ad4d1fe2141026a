// The fixed words content uses: lead areas, stages and the staircase of participation. Each has a
// web name (used in file frontmatter and filter URLs) and a label readers see.

export interface Term {
  slug: string;
  label: string;
  /** One plain-English line shown where the term is explained. */
  hint?: string;
}

export const LEAD_AREAS = [
  { slug: 'adult-social-care', label: 'Adult Social Care' },
  { slug: 'childrens-social-care', label: "Children's Social Care" },
  { slug: 'communities', label: 'Communities' },
  { slug: 'transport-hub', label: 'Transport Hub' },
  { slug: 'policy', label: 'Policy' },
  { slug: 'community-groups', label: 'Community and voluntary groups' },
] as const satisfies readonly Term[];

export const STAGES = [
  { slug: 'idea', label: 'Idea', hint: 'Someone has suggested it.' },
  { slug: 'planning', label: 'Planning', hint: 'Working out who to involve and how.' },
  { slug: 'co-designing', label: 'Co-designing', hint: 'People are designing it together.' },
  { slug: 'delivering', label: 'Delivering', hint: 'The plan is being put into practice.' },
  { slug: 'reviewing', label: 'Reviewing', hint: 'Checking together how well it worked.' },
  { slug: 'on-hold', label: 'On hold', hint: 'Paused for now.' },
  { slug: 'complete', label: 'Complete', hint: 'Finished.' },
] as const satisfies readonly Term[];

/** The staircase of participation, bottom step first: doing to, doing for, doing with. */
export const STAIRCASE = [
  { slug: 'coerce', label: 'Coerce', hint: 'People are made to attend; they have no say.' },
  { slug: 'educate', label: 'Educate', hint: 'People are told about a service so they understand it.' },
  { slug: 'inform', label: 'Inform', hint: 'People are told what has been decided.' },
  { slug: 'consult', label: 'Consult', hint: 'People are asked their views, but may not be listened to.' },
  { slug: 'engage', label: 'Engage', hint: 'People have more say, but decisions are still made for them.' },
  { slug: 'co-design', label: 'Co-design', hint: 'People help design the service, but not to deliver it.' },
  { slug: 'co-produce', label: 'Co-produce', hint: 'People work as equals at every step, from design to decision.' },
] as const satisfies readonly Term[];

export type LeadArea = (typeof LEAD_AREAS)[number]['slug'];
export type Stage = (typeof STAGES)[number]['slug'];
export type StaircaseStep = (typeof STAIRCASE)[number]['slug'];

export const slugsOf = <T extends readonly Term[]>(terms: T) => terms.map((t) => t.slug) as [T[number]['slug'], ...T[number]['slug'][]];

export function labelOf(terms: readonly Term[], slug: string): string {
  return terms.find((t) => t.slug === slug)?.label ?? slug;
}
