// GOV.UK file upload: label, hint and error wired up for screen readers; hands over the file
// chosen.
import { fieldIds, FormGroup, type FieldProps } from './FormGroup';

interface Props extends FieldProps {
  accept?: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}

export function FileUpload({ accept, disabled, onFile, ...field }: Props) {
  return (
    <FormGroup field={field}>
      <input
        className={`govuk-file-upload${field.error ? ' govuk-file-upload--error' : ''}`}
        id={field.id}
        name={field.id}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={fieldIds(field).described}
        aria-invalid={field.error ? true : undefined}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
        }}
      />
    </FormGroup>
  );
}
