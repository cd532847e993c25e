@guide:entering-information @arrows
Feature: Entering Information - Space Character
  "When a text field entry contains fewer characters than the character positions on the
  interface screen, you must select the space character for the unused positions, before or
  after the field entry. Only the characters associated with the field entry and space characters
  may be included in a text field entry."
  2017: "Embedded spaces are not permitted in text field entries, except in the Proxy password
  field." 2022: "Embedded spaces are not permitted in text field entries."
  "The space character may be used to remove characters when editing text fields, except the
  Proxy password." (ERRATA-008, ERRATA-041)

  @ENT-013 @ERRATA-041
  Scenario: Spaces in the unused positions before and after an entry are not part of it
    Given the "PROXY USER:" prompt is shown
    When I key in "  jdoe" at the "PROXY USER:" prompt
    Then the field reads "  jdoe"
    When I press ENTER
    And I press ENTER until "REALLY ENABLE PROXY?" appears
    And I press ENTER
    And I go back to the "PROXY USER:" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "jdoe"

  @ENT-015 @ENT-016 @ERRATA-041
  Scenario: An embedded space is not kept in the proxy user name
    Given the "PROXY USER:" prompt is shown
    When I enter "jd oe" at the "PROXY USER:" prompt
    Then the screen shows "PROXY PASSW"
    When I press ENTER until "REALLY ENABLE PROXY?" appears
    And I press ENTER
    And I go back to the "PROXY USER:" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "jdoe"

  @fw-2017 @ENT-015 @ENT-017 @ERRATA-008
  Scenario: 2017 keeps an embedded space in the proxy password
    Given the "PROXY PASSW" prompt is shown
    When I enter "pass word" at the "PROXY PASSW" prompt
    Then the screen shows "REALLY ENABLE PROXY?"
    When I press ENTER
    And I go back to the "PROXY PASSW" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "pass word"

  @fw-2017 @ENT-017 @ENT-019 @ERRATA-008
  Scenario: 2017 - a space put over a character of the proxy password does not remove it
    Given the "PROXY PASSW" prompt is shown
    When I enter "passXword" at the "PROXY PASSW" prompt
    And I press ENTER
    And I go back to the "PROXY PASSW" prompt through "CHANGE PROXY PARAMS"
    And I press RIGHT 4 times
    And I press UP until the character under the cursor is " "
    Then the field reads "pass word"
    When I press ENTER
    And I press ENTER
    And I go back to the "PROXY PASSW" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "pass word"

  @fw-2022 @ENT-016 @ENT-017 @ERRATA-008
  Scenario: 2022 refuses an embedded space in the proxy password and keeps the entry for correction
    Given the "PROXY PASSW" prompt is shown
    When I key in "pass word" at the "PROXY PASSW" prompt
    And I press ENTER
    Then the "PROXY PASSW" prompt is shown again
    And the field reads "pass word"
