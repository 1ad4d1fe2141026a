// What a person sees once their leaf is sent: it is waiting to be read, and where to go next.
import { useEffect, useRef } from 'react';

export function LeafSent({ easyRead = false }: { easyRead?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div data-testid="leaf-sent">
      <div className="govuk-panel-lite" role="status">
        <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
          {easyRead ? 'Thank you for your leaf' : 'Your leaf has been sent'}
        </h1>
      </div>
      {easyRead ? (
        <>
          <p className="govuk-body">Someone from our team will read it.</p>
          <p className="govuk-body">Then it will go on the tree.</p>
        </>
      ) : (
        <p className="govuk-body">
          Thank you. Someone from the co-production team will read it, usually within a week. Then it goes on the tree.
        </p>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href="/tree/">
          {easyRead ? 'See the tree' : 'Back to the Co-production Tree'}
        </a>
      </p>
    </div>
  );
}
