// "Your projects" on the account page, for project leads only: a link to write each project's
// monthly update. Nothing at all for someone who leads no project, so other people's account
// page is as it was.
import { useEffect, useState } from 'react';
import { myLedProjects, type LedProject } from '../../lib/api/project-updates';

export function LedProjectsSection({ signedIn }: { signedIn: boolean }) {
  const [projects, setProjects] = useState<LedProject[]>([]);
  useEffect(() => {
    if (signedIn) void myLedProjects({}).then((r) => r.ok && setProjects(r.data));
  }, [signedIn]);
  if (projects.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m" id="led-projects">
        Projects you lead
      </h2>
      <ul className="govuk-list govuk-list--bullet">
        {projects.map((p) => (
          <li key={p.slug}>
            <a className="govuk-link" href={`/projects/update/?project=${encodeURIComponent(p.slug)}`}>
              Write an update for {p.title}
            </a>
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        <a className="govuk-link" href="/projects/update/">
          See all your project updates
        </a>
      </p>
    </>
  );
}
