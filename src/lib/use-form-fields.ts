import { useState, type ChangeEvent } from 'react';

type Control = HTMLInputElement | HTMLTextAreaElement;
type Values = Record<string, string | boolean>;

/** What the hook needs of a schema: zod's `safeParse`, full or mini (structurally). */
export interface FieldsSchema<Output> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Output }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

export type FieldErrors<Name extends string> = Partial<Record<Name, { message: string }>>;

/**
 * A form of uncontrolled fields checked by a schema, the few things react-hook-form did for the
 * comment form in a fraction of its size (the form is part of the comment code's 40 KB budget).
 * Fields keep their text in the DOM, as a form posted without JavaScript does; defaults are put in
 * when a field mounts (unless the reader has typed into it already); submitting checks every field, shows the first message per field and
 * focuses the first field in error (in `order`); after that, each change checks again, so a
 * message goes as soon as the field is right.
 */
export function useFormFields<V extends Values, Output>({
  schema,
  defaultValues,
  order,
}: {
  schema: FieldsSchema<Output>;
  defaultValues: V;
  /** Fields in the order they are on screen: the first one in error gets the focus. */
  order: readonly (keyof V & string)[];
}) {
  type Name = keyof V & string;
  const [errors, setErrors] = useState<FieldErrors<Name>>({});
  // Made once, from the first render's schema, defaults and order: the functions are stable, so
  // effects may depend on them.
  const [api] = useState(makeApi);
  return { ...api, errors };

  function makeApi() {
    const controls = { current: new Map<Name, Control>() };
    const defaults = { current: defaultValues };
    // Controls given their default already: a ref callback runs again on every render.
    const filled = { current: new WeakSet<Control>() };
    const submitted = { current: false };

    const defaultOf = (name: Name) => defaults.current[name];

    function getValues(): V;
    function getValues<K extends Name>(name: K): V[K];
    function getValues(name?: Name) {
      const read = (key: Name) => {
        const control = controls.current.get(key);
        if (!control) return defaultOf(key);
        return control instanceof HTMLInputElement && control.type === 'checkbox'
          ? control.checked
          : control.value;
      };
      if (name !== undefined) return read(name);
      return Object.fromEntries(Object.keys(defaults.current).map((key) => [key, read(key)]));
    }

    function check(): { ok: true; data: Output } | { ok: false; errors: FieldErrors<Name> } {
      const result = schema.safeParse(getValues());
      if (result.success) return { ok: true, data: result.data };
      const found: FieldErrors<Name> = {};
      for (const issue of result.error.issues) {
        const name = String(issue.path[0]) as Name;
        found[name] ??= { message: issue.message };
      }
      return { ok: false, errors: found };
    }

    function setFocus(name: Name) {
      controls.current.get(name)?.focus();
    }

    function register(
      name: Name,
      options: { onChange?: (event: ChangeEvent<Control>) => void } = {},
    ) {
      return {
        name,
        ref: (control: Control | null) => {
          if (!control) return;
          controls.current.set(name, control);
          if (filled.current.has(control)) return;
          filled.current.add(control);
          const value = defaultOf(name);
          // A server-rendered form may have been typed into before its code arrived: the
          // reader's words win over the defaults (a saved draft, saved details).
          if (typeof value === 'boolean') {
            const box = control as HTMLInputElement;
            if (box.checked === box.defaultChecked) box.checked = value;
          } else if (control.value === control.defaultValue) {
            control.value = String(value);
          }
        },
        onChange: (event: ChangeEvent<Control>) => {
          options.onChange?.(event);
          if (!submitted.current) return;
          const result = check();
          const message = result.ok ? undefined : result.errors[name];
          setErrors((current) => {
            if (current[name]?.message === message?.message) return current;
            return message ? { ...current, [name]: message } : without(current, name);
          });
        },
      };
    }

    /** The form's onSubmit: `onValid` with the schema's output, or `onInvalid` with the errors. */
    const handleSubmit =
      (onValid: (data: Output) => void, onInvalid: (errors: FieldErrors<Name>) => void) =>
      (event: { preventDefault(): void }) => {
        event.preventDefault();
        submitted.current = true;
        const result = check();
        if (result.ok) {
          setErrors({});
          onValid(result.data);
          return;
        }
        setErrors(result.errors);
        const first = order.find((name) => result.errors[name]);
        if (first) setFocus(first);
        onInvalid(result.errors);
      };

    function setError(name: Name, error: { message: string }) {
      setErrors((current) => ({ ...current, [name]: error }));
    }

    /** Puts a new default in the field (and in the field's DOM) and drops its error. */
    function resetField(name: Name, { defaultValue }: { defaultValue: V[Name] }) {
      defaults.current = { ...defaults.current, [name]: defaultValue };
      const control = controls.current.get(name);
      if (control) {
        if (typeof defaultValue === 'boolean') (control as HTMLInputElement).checked = defaultValue;
        else control.value = defaultValue as string;
      }
      setErrors((current) => (current[name] ? without(current, name) : current));
    }

    return { register, handleSubmit, setError, setFocus, resetField, getValues };
  }
}

function without<E extends Record<string, unknown>>(errors: E, name: string): E {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== name)) as E;
}
