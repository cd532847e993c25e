@guide:qs-activate @needs-portal @needs-platform
Feature: Quick Start Step 3 - Activate the Scanner Appliance
  "You will need a Qualys user account with the role of Manager or Unit Manger."
  "Open a browser and go to the platform URL where your account is located. [...] A Manager or Unit
  Manager account is required."
  "On the Qualys LOGIN page, enter your user name (login) and password, and then click LOGIN. You
  are prompted to review and accept the licensing agreement when you log into your account for the
  first time. Your Qualys Home page appears upon successful login."
  Older guide: "Select VM from the application picker." "Go to Scans > Appliances."
  2022 guide: "Select VM/VMDR from the application picker. Then go to Scans > Appliances."
  "Select New > Scanner Appliance and enter the activation code for the appliance (as it appears
  in the ACTIVATION CODE screen in your Appliance's user interface. Note: The activation code is
  shown only when the Appliance has not been activated yet."
  "(Unit Manager only) From the Add To menu, select an asset group that you want to add the Scanner
  Appliance to. This will make the Appliance available to users in your business unit."
  "Click Activate. Then the Scanner Appliance attempts to log in to the Qualys Cloud Platform.
  Note: It may take a few minutes for the Scanner Appliance activation to occur. If you prefer not
  to wait, complete the activation manually by restarting the Scanner Appliance. Just press the Down
  arrow until the SYSTEM REBOOT screen appears and then press ENTER. When REALLY REBOOT SYSTEM?
  appears press ENTER."
  "The SCANNER APPLIANCE NAME-IP ADDRESS message appears after the Scanner Appliance makes a
  successful login to the Qualys Cloud Platform."
  The guide does not say how soon "a few minutes" is: the appliance learns of its activation at its
  next polling request, and it polls every 3 minutes (ERRATA-340, ERRATA-263).

  @ACT-001 @ACT-002 @ACT-003 @ACT-004 @ACT-007 @ACT-008 @ACT-012 @ACT-013 @ACT-016 @NAME-003 @ERRATA-320 @ERRATA-340 @needs-virtual-time
  Scenario Outline: Step 3 end to end: a Manager's first login, Scans > Appliances, New > Scanner Appliance, the code from the screen, Activate
    Given the appliance shows the ACTIVATION CODE screen
    When I log in to the portal as "jdoe"
    Then the portal shows the "License Agreement" page
    When I accept the license agreement
    Then the portal shows the "Home" page
    When I select "<application>" from the application picker
    And I go to "Scans > Appliances" in the portal
    Then the portal shows the "Scanner Appliances" page
    And the appliances list shows no appliance
    When I go to "New > Scanner Appliance" in the portal
    And I enter the activation code shown on the appliance's screen
    And I note the time
    And I click Activate
    Then the portal confirms the activation of "is_jdoe"
    And the appliances list shows "is_jdoe"
    And the screen shows "ACTIVATION CODE"
    And the screen shows "is_jdoe" within 4 minutes
    And it took 0 to 4 minutes from the noted time
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

    @fw-2017 @ACT-005
    Examples: the older guide's portal
      | application |
      | VM          |

    @fw-2022 @ACT-006
    Examples: the 2022 guide's portal
      | application |
      | VM/VMDR     |

  @ACT-012 @ACT-014 @ACT-015 @ACT-016 @ERRATA-340 @needs-virtual-time
  Scenario: Not waiting: restarting the appliance from its ACTIVATION CODE screen completes the activation
    Given the appliance shows the ACTIVATION CODE screen
    And I am logged in to the portal as "acme_mgr"
    When I activate the appliance in the portal with the activation code shown on its screen
    Then the screen shows "ACTIVATION CODE"
    When I press DOWN until "SYSTEM REBOOT" appears
    And I press ENTER
    Then the screen shows "REALLY REBOOT SYSTEM?"
    When I press ENTER
    Then the screen shows "is_acme_mgr" within 3 minutes
    And "ACTIVATION CODE" was not shown
    And the screen shows the name "is_acme_mgr", the LAN IP address and the platform indicator

  @ACT-009 @ACT-016 @ERRATA-341 @needs-virtual-time
  Scenario: The activation code is shown only until the appliance is activated, and activates it once
    Given the appliance shows the ACTIVATION CODE screen
    And I am logged in to the portal as "acme_mgr"
    When I activate the appliance in the portal with the activation code shown on its screen
    Then the screen shows "is_acme_mgr" within 4 minutes
    And the screen does not show "ACTIVATION CODE"
    And no menu item of the appliance mentions "ACTIVATION CODE"
    When I activate an appliance in the portal with the same activation code again
    Then the portal refuses the activation code, keeping it in the field
    When I go to "Scans > Appliances" in the portal
    Then the appliances list shows "is_acme_mgr"

  @ACT-001 @ACT-002 @ACT-008 @ACT-010 @ACT-011 @ERRATA-343 @needs-virtual-time
  Scenario: A Unit Manager adds the appliance to an asset group of their business unit; it is available to that unit, not to another
    Given the appliance shows the ACTIVATION CODE screen
    And I am logged in to the portal as "ops_um"
    When I open Scans > Appliances in the portal
    And I go to "New > Scanner Appliance" in the portal
    Then the Add To menu offers exactly:
      | Data Center    |
      | Branch Offices |
    When I enter the activation code shown on the appliance's screen
    And I select "Data Center" from the Add To menu
    And I click Activate
    Then the portal confirms the activation of "is_ops_um"
    And the appliances list shows "is_ops_um"
    And the screen shows "is_ops_um" within 4 minutes
    When I select the appliance "is_ops_um" in the appliances list
    Then the preview pane shows the asset group "Data Center"
    When I log out of the portal
    And I log in to the portal as "lab_um"
    And I open Scans > Appliances in the portal
    Then the appliances list does not show "is_ops_um"
    When I log out of the portal
    And I log in to the portal as "acme_mgr"
    And I open Scans > Appliances in the portal
    Then the appliances list shows "is_ops_um"

  @ACT-001 @ACT-002 @ACT-010 @ACT-016 @needs-virtual-time
  Scenario: A Manager activates with no Add To menu
    Given the appliance shows the ACTIVATION CODE screen
    And I am logged in to the portal as "mmiller"
    When I open Scans > Appliances in the portal
    And I go to "New > Scanner Appliance" in the portal
    Then the activation form has no Add To menu
    When I enter the activation code shown on the appliance's screen
    And I click Activate
    Then the appliances list shows "is_mmiller"
    And the screen shows "is_mmiller" within 4 minutes
    And the screen shows the name "is_mmiller", the LAN IP address and the platform indicator

  @ACT-001 @ACT-002 @ERRATA-342
  Scenario: A user who is neither a Manager nor a Unit Manager cannot activate the appliance
    Given the appliance shows the ACTIVATION CODE screen
    And I am logged in to the portal as "auditor"
    When I open Scans > Appliances in the portal
    Then the portal shows the "Scanner Appliances" page
    And the portal has no "New" menu
    When I open New > Scanner Appliance by its address
    Then the portal refuses, saying "A Manager or Unit Manager account is required"
    And the screen shows "ACTIVATION CODE"

  @ACT-008 @ERRATA-341 @needs-virtual-time
  Scenario Outline: An activation code that is not the appliance's is refused; nothing is activated
    Given the appliance shows the ACTIVATION CODE screen
    And I am logged in to the portal as "acme_mgr"
    When I activate an appliance in the portal with the activation code "<code>"
    Then the portal refuses the activation code, keeping it in the field
    When I go to "Scans > Appliances" in the portal
    Then the appliances list shows no appliance
    When 4 minutes pass
    Then the screen shows "ACTIVATION CODE"

    Examples:
      | code                       | why                                  |
      | 000000000000               | twelve digits no appliance has       |
      | 1234                       | too short                            |
      | <b>12345678</b>            | markup, shown back as text           |
      | '><img src=x onerror=f()>  | markup closing the field's attribute |
