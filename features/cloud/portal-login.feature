@guide:qs-activate @needs-portal @needs-platform
Feature: Quick Start Step 3 - logging in to the Qualys portal
  "Open a browser and go to the platform URL where your account is located."
  "On the Qualys LOGIN page, enter your user name (login) and password, and then click LOGIN. You
  are prompted to review and accept the licensing agreement when you log into your account for the
  first time. Your Qualys Home page appears upon successful login."
  Older guide: "Select VM from the application picker." "Go to Scans > Appliances."
  2022 guide: "Select VM/VMDR from the application picker. Then go to Scans > Appliances."

  @ACT-003 @ACT-004
  Scenario: The first login asks for the licence agreement; accepted, the Home page appears
    When I log in to the portal as "jdoe"
    Then the portal shows the "License Agreement" page
    When I accept the license agreement
    Then the portal shows the "Home" page
    When I log out of the portal
    And I log in to the portal as "jdoe"
    Then the portal shows the "Home" page

  @ACT-003 @ERRATA-330
  Scenario: A declined licence agreement gives no access, and is asked again at the next login
    When I log in to the portal as "jdoe"
    And I decline the license agreement
    Then the portal shows the alert "You must accept the license agreement to use your account."
    When I open "/home" in the portal without logging in
    Then the portal shows the "Qualys LOGIN" page
    When I log in to the portal as "jdoe"
    Then the portal shows the "License Agreement" page

  @ACT-004
  Scenario: A wrong password does not log in, and does not say which of the two was wrong
    When I log in to the portal as "jdoe" with a wrong password
    Then the portal shows the "Qualys LOGIN" page
    And the portal shows the alert "The user name or password is incorrect."

  @ACT-005 @fw-2017
  Scenario: The older portal's application picker offers VM, which holds Scans > Appliances
    Given I am logged in to the portal as "acme_mgr"
    Then the application picker offers exactly:
      | VM |
    When I select "VM" from the application picker
    Then the "Scans" menu of the portal offers exactly:
      | Scans      |
      | Appliances |
    When I go to "Scans > Appliances" in the portal
    Then the portal shows the "Scanner Appliances" page

  @ACT-006 @SYSL-006 @fw-2022
  Scenario: The 2022 portal's application picker offers VM/VMDR (Scans > Appliances) and PC
    Given I am logged in to the portal as "acme_mgr"
    Then the application picker offers exactly:
      | VM/VMDR |
      | PC      |
    When I select "VM/VMDR" from the application picker
    Then the "Scans" menu of the portal offers exactly:
      | Scans      |
      | Appliances |
      | Setup      |
    When I go to "Scans > Appliances" in the portal
    Then the portal shows the "Scanner Appliances" page

  @ACT-004
  Scenario: Every page of the portal asks for a login first, and comes back after it
    When I open "/help/about" in the portal without logging in
    Then the portal shows the "Qualys LOGIN" page
    When I log in to the portal as "acme_mgr"
    Then the portal shows the "About" page
