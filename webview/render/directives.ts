/**
 * Two element directives the CSP needs. The page allows no inline style attribute, and lit's styleMap writes
 * one on first render, so sizes go through CSSOM (`style.setProperty`), which the policy does not block.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType } from 'lit/directive.js';
import type { ElementPart, PartInfo } from 'lit/directive.js';

class CssProperties extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT)
      throw new Error('cssProperties belongs on an element, e.g. <div ${cssProperties(...)}>');
  }

  render(_properties: Readonly<Record<string, string>>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Readonly<Record<string, string>>]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(properties))
      if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    return noChange;
  }
}

export const cssProperties = directive(CssProperties);

/**
 * Sets a text field's value unless the user is typing in it: an echo from the host that is a keystroke behind
 * must never replace what is being typed.
 */
class ValueUnlessEditing extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('valueUnlessEditing belongs on an element');
  }

  render(_value: string): unknown {
    return noChange;
  }

  override update(part: ElementPart, [value]: [string]): unknown {
    const element = part.element as HTMLElement & { value: string };
    if (!element.matches(':focus-within') && element.value !== value) element.value = value;
    return noChange;
  }
}

export const valueUnlessEditing = directive(ValueUnlessEditing);
