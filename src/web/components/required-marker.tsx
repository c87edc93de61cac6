/** The asterisk after a required field's label; screen readers hear "(required)". */
export function RequiredMarker() {
  return (
    <span class="required-marker" title="required">
      {' '}
      *<span class="visually-hidden">(required)</span>
    </span>
  );
}
