import { type UseComboboxState, type UseComboboxStateChangeOptions, useCombobox } from 'downshift';
import { type Ref, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  arrowedIndex,
  type ComboboxOption,
  matchingOptions,
  normalise,
  optionClass,
  type SearchableOption,
} from './combobox-matching.ts';
import { type FieldControlProps, FormField, type FormFieldProps } from './FormField.tsx';
import { mergeRefs } from './merge-refs.ts';

export type { ComboboxOption } from './combobox-matching.ts';

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

const changeTypes = useCombobox.stateChangeTypes;
/** Ways of opening the list other than typing: they make the (first) chosen option the active one. */
const openingTypes = new Set<string>([
  changeTypes.InputKeyDownArrowDown,
  changeTypes.InputKeyDownArrowUp,
  changeTypes.InputClick,
  changeTypes.ToggleButtonClick,
]);

/**
 * The ARIA "editable combobox with list autocomplete" pattern, by downshift's `useCombobox`: typing
 * filters the list, best matches first, and suggests the first (Enter takes it); Down goes to that
 * match and on, Up back, Enter picks, Escape closes. Focus stays in the text box (aria-activedescendant
 * points at the option arrowed to); a status message says how many options match. Downshift keeps the
 * list state; this keeps the choice, the text, the filtering and the suggestion.
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
  // While the person types, the list shows matches; opened otherwise, it shows every option.
  const [filtering, setFiltering] = useState(false);
  // The first match, highlighted by typing but not arrowed to: the first Down goes to it.
  const [suggested, setSuggested] = useState(false);
  const searchable = useMemo(
    () => options.map((option) => ({ ...option, key: normalise(option.label) })),
    [options],
  );
  const visible = useMemo(
    () => (filtering ? matchingOptions(searchable, query) : searchable),
    [filtering, searchable, query],
  );

  const stateReducer = (
    state: UseComboboxState<SearchableOption>,
    { type, changes }: UseComboboxStateChangeOptions<SearchableOption>,
  ): Partial<UseComboboxState<SearchableOption>> => {
    if (!state.isOpen && changes.isOpen && openingTypes.has(type)) {
      const chosen = visible.findIndex((option) => isSelected(option.value));
      return chosen >= 0 ? { ...changes, highlightedIndex: chosen } : changes;
    }
    switch (type) {
      case changeTypes.InputKeyDownArrowDown:
      case changeTypes.InputKeyDownArrowUp: {
        const key = type === changeTypes.InputKeyDownArrowDown ? 'down' : 'up';
        const moved = arrowedIndex(suggested, key, changes.highlightedIndex ?? -1, visible.length);
        return { ...changes, highlightedIndex: moved };
      }
      case changeTypes.InputChange:
        return { ...changes, highlightedIndex: (changes.inputValue ?? '').trim() === '' ? -1 : 0 };
      // Leaving the box or pressing Escape never picks nor clears: the text typed stays as it is.
      case changeTypes.InputBlur:
      case changeTypes.InputKeyDownEscape:
        return { isOpen: false, highlightedIndex: -1 };
      case changeTypes.InputKeyDownEnter:
      case changeTypes.ItemClick: {
        const picked = changes.selectedItem;
        if (!multiple || !picked) return changes;
        // The list stays open on the full list, with the option just picked still active.
        const index = searchable.findIndex((option) => option.value === picked.value);
        return { ...changes, isOpen: true, highlightedIndex: index };
      }
      default:
        return changes;
    }
  };

  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } =
    useCombobox<SearchableOption>({
      items: visible,
      inputId: id,
      menuId: `${id}-listbox`,
      toggleButtonId: `${id}-toggle`,
      getItemId: (index) => `${id}-option-${visible[index]?.value ?? index}`,
      itemToString: (option) => option?.label ?? '',
      itemToKey: (option) => option?.value,
      inputValue: query,
      // The choice lives in the field (see pick): downshift keeps none.
      selectedItem: null,
      stateReducer,
      onIsOpenChange: ({ isOpen: opened }) => {
        if (!opened) {
          setFiltering(false);
          setSuggested(false);
        }
      },
      onHighlightedIndexChange: ({ type }) => {
        if (type !== changeTypes.InputChange) setSuggested(false);
      },
    });

  const shown = isOpen && visible.length > 0;
  const highlighted = isOpen && highlightedIndex >= 0 ? visible[highlightedIndex] : undefined;
  // The option arrowed to; a suggested one is only highlighted, the focus still in the text.
  const activeOption = suggested ? undefined : highlighted;
  // A pick is taken in the event itself, like the typing: downshift reports it only after the render.
  const pick = (option: SearchableOption) => {
    setFiltering(false);
    setSuggested(false);
    onPick({ value: option.value, label: option.label });
  };
  let status = '';
  if (isOpen) {
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
          {...getInputProps({
            ref: inputRef,
            onBlur,
            // The text is set here, in the change event itself: downshift reports it only after the
            // render, and a controlled box would lose the keys typed meanwhile.
            onChange: (event) => {
              setFiltering(true);
              setSuggested(event.currentTarget.value.trim() !== '');
              onQueryChange(event.currentTarget.value);
            },
            onKeyDown: (event) => {
              // Escape closes the list only, not a dialog the field may sit in.
              if (event.key === 'Escape' && isOpen) event.stopPropagation();
              if (event.key === 'Enter' && highlighted && !event.nativeEvent.isComposing) pick(highlighted);
              // The list moves (its reducer reads `suggested`), then the option counts as arrowed to.
              if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && isOpen) setSuggested(false);
            },
            // The visible label names the box (label for=); downshift's own label is not used.
            'aria-labelledby': undefined,
            'aria-expanded': shown,
            'aria-activedescendant': activeOption ? `${id}-option-${activeOption.value}` : undefined,
          })}
          className="field__control combobox__input"
          type="text"
          spellCheck={false}
        />
        <button
          className="combobox__toggle"
          type="button"
          aria-label={t('form.combobox.showOptions', { label: listLabel })}
          // One tab stop per field, as the pattern asks: the button is for pointers; keyboards use the arrows.
          {...getToggleButtonProps({
            onMouseDown: (event) => event.preventDefault(),
            'aria-expanded': shown,
          })}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </div>
      <div
        className="combobox__listbox"
        hidden={!shown}
        {...getMenuProps({
          'aria-label': listLabel,
          'aria-multiselectable': multiple || undefined,
          // A click on an option must not take focus from the text box.
          onMouseDown: (event) => event.preventDefault(),
        })}
      >
        {isOpen &&
          visible.map((option, index) => (
            <div
              key={option.value}
              className={optionClass(index === highlightedIndex, suggested)}
              {...getItemProps({
                item: option,
                index,
                'aria-selected': isSelected(option.value),
                onClick: () => pick(option),
              })}
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
            inputRef={mergeRefs(input, inputRef)}
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
