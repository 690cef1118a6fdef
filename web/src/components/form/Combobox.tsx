import { type KeyboardEvent, type Ref, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldControlProps, FormField, type FormFieldProps } from './FormField.tsx';

/** One choice of a combobox: the value the form keeps and the name the person reads. */
export interface ComboboxOption {
  value: string;
  label: string;
}

/** Lower case, accents dropped: "turkiye" finds "Türkiye", "cote" finds "Côte d’Ivoire". */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
    .trim();
}

interface SearchableOption extends ComboboxOption {
  key: string;
}

/** The options matching what was typed: names starting with it first, then names containing it. */
function matching(options: readonly SearchableOption[], query: string): SearchableOption[] {
  const wanted = normalise(query);
  if (wanted === '') return [...options];
  const starting: SearchableOption[] = [];
  const containing: SearchableOption[] = [];
  for (const option of options) {
    if (option.key.startsWith(wanted) || option.value.toLowerCase() === wanted) starting.push(option);
    else if (option.key.includes(wanted)) containing.push(option);
  }
  return [...starting, ...containing];
}

interface ComboboxInputProps {
  control: FieldControlProps;
  options: readonly ComboboxOption[];
  /** The text in the box, owned by the field. */
  query: string;
  onQueryChange: (query: string) => void;
  isSelected: (value: string) => boolean;
  onPick: (option: ComboboxOption) => void;
  /** Several values: picking keeps the list open and toggles the option. */
  multiple: boolean;
  /** Names the list of options for assistive technology. */
  listLabel: string;
  onBlur?: (() => void) | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

/**
 * The ARIA "editable combobox with list autocomplete" pattern: typing filters the list and makes its
 * first match the active option; Down and Up arrows move through the list, Enter picks, Escape closes
 * it. Focus stays in the text box throughout (aria-activedescendant points at the active option), and
 * a status message tells screen reader users how many options match.
 */
function ComboboxInput({
  control,
  options,
  query,
  onQueryChange,
  isSelected,
  onPick,
  multiple,
  listLabel,
  onBlur,
  inputRef,
}: ComboboxInputProps) {
  const { t } = useTranslation();
  const { id } = control;
  const listboxId = `${id}-listbox`;
  const optionId = (value: string) => `${id}-option-${value}`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // While the person types, the list shows matches; opened otherwise, it shows every option.
  const [filtering, setFiltering] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);

  const searchable = useMemo(
    () => options.map((option) => ({ ...option, key: normalise(option.label) })),
    [options],
  );
  const visible = useMemo(
    () => (filtering ? matching(searchable, query) : searchable),
    [filtering, searchable, query],
  );
  const activeOption = open && active >= 0 ? visible[active] : undefined;

  const activeId = activeOption ? optionId(activeOption.value) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const firstSelected = () => visible.findIndex((option) => isSelected(option.value));

  const openList = (direction: 'first' | 'last') => {
    setOpen(true);
    const selected = firstSelected();
    if (selected >= 0) setActive(selected);
    else setActive(direction === 'first' ? 0 : visible.length - 1);
  };

  const close = () => {
    setOpen(false);
    setActive(-1);
    setFiltering(false);
  };

  const pick = (option: ComboboxOption) => {
    onPick(option);
    if (multiple) {
      // The list stays open on the full list, with the option just picked still active.
      setFiltering(false);
      setActive(searchable.findIndex((candidate) => candidate.value === option.value));
    } else {
      close();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList('first');
        else setActive((current) => Math.min(current + 1, visible.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) openList('last');
        else setActive((current) => Math.max(current - 1, 0));
        break;
      case 'Enter':
        // Enter picks from an open list; with the list closed it submits the form, as in any text box.
        if (!open) break;
        event.preventDefault();
        if (activeOption) pick(activeOption);
        else close();
        break;
      case 'Escape':
        if (!open) break;
        // Closes the list only, not a dialog the field may sit in.
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
      case 'Tab':
        close();
        break;
      default:
        break;
    }
  };

  let status = '';
  if (open) {
    status =
      visible.length === 0
        ? t('form.combobox.noMatch')
        : t('form.combobox.matches', { count: visible.length });
  }

  return (
    <div className="combobox">
      <div className="combobox__control">
        <input
          {...control}
          ref={(element) => {
            input.current = element;
            if (typeof inputRef === 'function') inputRef(element);
            else if (inputRef) inputRef.current = element;
          }}
          className="field__control combobox__input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open && visible.length > 0}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            onQueryChange(event.target.value);
            setFiltering(true);
            setOpen(true);
            setActive(event.target.value.trim() === '' ? -1 : 0);
          }}
          onKeyDown={onKeyDown}
          onClick={() => {
            if (!open) openList('first');
          }}
          onBlur={() => {
            close();
            onBlur?.();
          }}
        />
        <button
          className="combobox__toggle"
          type="button"
          // One tab stop per field, as the pattern asks: the button is for pointers; keyboards use the arrows.
          tabIndex={-1}
          aria-label={t('form.combobox.showOptions', { label: listLabel })}
          aria-controls={listboxId}
          aria-expanded={open && visible.length > 0}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            input.current?.focus();
            if (open) close();
            else openList('first');
          }}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </div>
      <div
        className="combobox__listbox"
        id={listboxId}
        role="listbox"
        aria-label={listLabel}
        aria-multiselectable={multiple || undefined}
        hidden={!open || visible.length === 0}
        // A click on an option must not take focus from the text box.
        onMouseDown={(event) => event.preventDefault()}
      >
        {open &&
          visible.map((option, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the text box handles the keyboard for the list (aria-activedescendant).
            // biome-ignore lint/a11y/useFocusableInteractive: options are never focused; the text box points at the active one.
            <div
              key={option.value}
              id={optionId(option.value)}
              role="option"
              aria-selected={isSelected(option.value)}
              className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
              onClick={() => pick(option)}
              onMouseMove={() => {
                if (index !== active) setActive(index);
              }}
            >
              {option.label}
            </div>
          ))}
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}

type ComboboxFieldProps = Omit<FormFieldProps, 'children'> & {
  id: string;
  options: readonly ComboboxOption[];
  /** The chosen option's value, '' for none. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * Choose one of many options by typing part of its name: a searchable replacement for a very long
 * <select>. The value is set only when the text names an option (picked from the list, or typed in
 * full); any other text leaves the field without a value, and the form's validation says so.
 */
export function ComboboxField({ options, value, onChange, onBlur, inputRef, ...field }: ComboboxFieldProps) {
  const labelOf = (candidate: string) => options.find((option) => option.value === candidate)?.label ?? '';
  const [query, setQuery] = useState(() => labelOf(value));
  // The value and name last shown: a value set from outside (a reset, a restored draft) or a name that
  // changed with the language replaces the text; a value this field emitted itself does not.
  const [shown, setShown] = useState({ value, label: labelOf(value) });
  const label = labelOf(value);
  if (shown.value !== value || shown.label !== label) {
    if (shown.value !== value || query === shown.label) setQuery(label);
    setShown({ value, label });
  }

  const emit = (next: string) => {
    setShown({ value: next, label: labelOf(next) });
    if (next !== value) onChange(next);
  };

  return (
    <FormField {...field}>
      {(control) => (
        <ComboboxInput
          control={control}
          options={options}
          query={query}
          onQueryChange={(text) => {
            setQuery(text);
            const typed = normalise(text);
            emit(options.find((option) => normalise(option.label) === typed)?.value ?? '');
          }}
          isSelected={(candidate) => candidate === value}
          onPick={(option) => {
            setQuery(option.label);
            emit(option.value);
          }}
          multiple={false}
          listLabel={typeof field.label === 'string' ? field.label : ''}
          onBlur={onBlur}
          inputRef={inputRef}
        />
      )}
    </FormField>
  );
}

type MultiComboboxFieldProps = Omit<FormFieldProps, 'children'> & {
  id: string;
  options: readonly ComboboxOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Names a value that is not among the options (kept from earlier data). */
  fallbackLabel?: (value: string) => string;
};

/**
 * Choose several of many options: the same searchable list (Enter adds or removes the active option
 * and keeps the list open), and the chosen ones listed below it, each with a button to remove it.
 */
export function MultiComboboxField({
  options,
  value,
  onChange,
  onBlur,
  inputRef,
  fallbackLabel = (code) => code,
  ...field
}: MultiComboboxFieldProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const chosenList = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const focusAfterRemoval = useRef<number | null>(null);
  const chosenHeadingId = useId();
  const listLabel = typeof field.label === 'string' ? field.label : '';

  const labelOf = (candidate: string) =>
    options.find((option) => option.value === candidate)?.label ?? fallbackLabel(candidate);

  const add = (option: ComboboxOption) => {
    onChange([...value, option.value]);
    setAnnouncement(t('form.combobox.added', { item: option.label, count: value.length + 1 }));
  };
  const remove = (removed: string) => {
    onChange(value.filter((candidate) => candidate !== removed));
    setAnnouncement(t('form.combobox.removed', { item: labelOf(removed), count: value.length - 1 }));
  };

  // After a removal by button, focus the next remaining button (or the text box when none is left).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the removal has re-rendered the list.
  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null) return;
    focusAfterRemoval.current = null;
    const buttons = chosenList.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) next.focus();
    else input.current?.focus();
  }, [value]);

  return (
    <FormField {...field}>
      {(control) => (
        <>
          <ComboboxInput
            control={control}
            options={options}
            query={query}
            onQueryChange={setQuery}
            isSelected={(candidate) => value.includes(candidate)}
            onPick={(option) => {
              setQuery('');
              if (value.includes(option.value)) remove(option.value);
              else add(option);
            }}
            multiple
            listLabel={listLabel}
            onBlur={onBlur}
            inputRef={(element) => {
              input.current = element;
              if (typeof inputRef === 'function') inputRef(element);
              else if (inputRef) inputRef.current = element;
            }}
          />
          <p className="chosen__heading" id={chosenHeadingId}>
            {value.length === 0
              ? t('form.combobox.noneChosen')
              : t('form.combobox.chosen', { count: value.length })}
          </p>
          {value.length > 0 && (
            <ul className="chosen" ref={chosenList} aria-labelledby={chosenHeadingId}>
              {value.map((code, index) => (
                <li className="chosen__item" key={code}>
                  <span>{labelOf(code)}</span>
                  <button
                    className="chosen__remove"
                    type="button"
                    aria-label={t('form.combobox.remove', { item: labelOf(code) })}
                    onClick={() => {
                      focusAfterRemoval.current = index;
                      remove(code);
                    }}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
        </>
      )}
    </FormField>
  );
}
