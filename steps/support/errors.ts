// Outcomes that are neither a pass nor an appliance failure.

/** A scenario needs something its target cannot give: reported as not applicable, not as passed. */
export class NotApplicable extends Error {
  override name = 'NotApplicable';
}

/** The lab (network, platform, power) broke, not the appliance. */
export class LabFailure extends Error {
  override name = 'LabFailure';
}
