// /budgeting/officer/process/?id=: setting up a process and moving it through its phases: the
// next move with what it needs, the settings, wards and categories, dates and officers.
import { useState } from 'react';
import type { PbOfficerProcess } from '../../../lib/api/pb-officers';
import { OfficerFrame } from './OfficerFrame';
import { PhaseMove } from './PhaseMove';
import { ChoicesSection } from './ChoicesSection';
import { DatesSection } from './DatesSection';
import { OfficersSection } from './OfficersSection';
import { ProcessForm } from './ProcessForm';
import { useOfficerProcess } from './useOfficerProcess';

export default function ProcessPage() {
  const data = useOfficerProcess();
  const { process, reload, set } = data;
  const [notice, setNotice] = useState<{ at: 'settings' | 'dates'; text: string }>();
  const saved = (at: 'settings' | 'dates') => (p: PbOfficerProcess, text: string) => {
    setNotice({ at, text });
    set(p);
  };
  return (
    <OfficerFrame data={data} page="process" heading="Set up and phases">
      {process && (
        <>
          <PhaseMove
            process={process}
            onMoved={(p) => {
              setNotice(undefined);
              set(p);
            }}
          />
          <section aria-labelledby="settings-heading">
            <h2 className="govuk-heading-m" id="settings-heading">
              Settings
            </h2>
            <ProcessForm
              key={process.updated_at}
              process={process}
              notice={notice?.at === 'settings' ? notice.text : undefined}
              onSaved={saved('settings')}
            />
          </section>
          <ChoicesSection processId={process.id} kind="ward" choices={process.wards} onChanged={reload} />
          <ChoicesSection processId={process.id} kind="category" choices={process.categories} onChanged={reload} />
          <DatesSection
            key={JSON.stringify(process.phases)}
            process={process}
            notice={notice?.at === 'dates' ? notice.text : undefined}
            onSaved={saved('dates')}
          />
          <OfficersSection processId={process.id} officers={process.officers} onChanged={reload} />
        </>
      )}
    </OfficerFrame>
  );
}
