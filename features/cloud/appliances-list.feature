@guide:one-more-thing @needs-portal @needs-platform
Feature: We recommend one more thing - the appliance's status in the preview pane
  "Check your Scanner Appliance status in Qualys portal. Go to Scans > Appliances and select your
  Appliance. You'll see details in the preview pane."
  "1) [status] tells you your Scanner Appliance is ready. Now you can start internal scans! Next to
  the status you'll see the busy icon is greyed out until you launch a scan, then it looks like
  this [lit]."
  "You might also check out:
  2) [icon] tells you that your Scanner Appliance is a Physical Appliance ([icon] means it's a
  Virtual Appliance).
  3) Latest software versions - these are installed automatically as part of the activation.
  4) The available capacity will be 100% until you launch a scan. You can come back and check on
  this at any time."
  The guide shows the status and the icons only as pictures: the portal names them in words
  (ERRATA-344). "Ready" is the status Online: the appliance has polled the platform lately
  (ERRATA-324). An appliance runs up to 4 scans at once; its capacity is the share left (ERRATA-323).

  @PORT-001 @PORT-002 @PORT-003 @PORT-004 @PORT-005 @PORT-006 @ERRATA-324 @ERRATA-344 @ERRATA-345
  Scenario: The preview pane of an activated appliance: ready, not busy, a Physical Appliance, the latest software, 100% capacity
    Given the appliance has been activated by user "jdoe"
    And I am logged in to the portal as "jdoe"
    When I open Scans > Appliances in the portal
    And I select the appliance "is_jdoe" in the appliances list
    Then the preview pane shows the status "Online"
    And the busy icon in the preview pane is greyed out
    And the preview pane shows the type "Physical Appliance"
    And the preview pane shows the latest software versions
    And the preview pane shows an available capacity of 100%

  @PORT-003 @PORT-006 @ERRATA-323 @needs-virtual-time
  Scenario: While a scan runs the busy icon is lit and the capacity is below 100%; after the scan, greyed out and 100% again
    Given the appliance has been activated by user "jdoe"
    And I am logged in to the portal as "acme_mgr"
    And I open Scans > Appliances in the portal
    And I select the appliance "is_jdoe" in the appliances list
    And the busy icon in the preview pane is greyed out
    And the preview pane shows an available capacity of 100%
    When a scan of 10 minutes has been launched on the appliance
    Then the busy icon in the preview pane is lit within 4 minutes
    And the preview pane shows an available capacity below 100%
    And the preview pane shows the status "Online"
    And the busy icon in the preview pane is greyed out within 11 minutes
    And the preview pane shows an available capacity of 100%

  @PORT-004 @ERRATA-344 @needs-fleet
  Scenario: The preview pane tells a Physical Appliance from a Virtual Appliance
    Given the appliance has been activated by user "jdoe"
    And another virtual appliance has been activated by user "mmiller"
    And I am logged in to the portal as "acme_mgr"
    When I open Scans > Appliances in the portal
    And I select the appliance "is_jdoe" in the appliances list
    Then the preview pane shows the type "Physical Appliance"
    When I select the appliance "is_mmiller" in the appliances list
    Then the preview pane shows the type "Virtual Appliance"

  @PORT-001 @ERRATA-324 @needs-virtual-time
  Scenario: Activated but not yet connected, the appliance is not shown ready; at its next poll it is
    Given the appliance shows the ACTIVATION CODE screen
    And I am logged in to the portal as "acme_mgr"
    When I activate the appliance in the portal with the activation code shown on its screen
    And I select the appliance "is_acme_mgr" in the appliances list
    Then the preview pane shows the status "Not yet connected"
    And the screen shows "is_acme_mgr" within 4 minutes
    And the preview pane shows the status "Online"
