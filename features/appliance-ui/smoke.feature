@guide:system-reboot
Feature: smoke

  @RBT-001
  Scenario: reboot from the menu
    Given the appliance shows its name and IP address
    When I press ENTER
    Then the screen shows "SETUP NETWORK"
    When I press DOWN until "SYSTEM REBOOT" appears
    And I press ENTER
    Then the screen shows "REALLY REBOOT SYSTEM?"
    When I press ENTER
    Then these messages appear in this order:
      """
      REBOOTING SYSTEM
      Welcome to Qualys
      Qualys Scanner is starting up...
      Filesystem check in progress...
      Qualys Scanner is coming up...
      CONTACTING QUALYS
      """

  Scenario: proxy user
    Given the "PROXY USER:" prompt is shown
    When I enter "dom\user.name@x" at the "PROXY USER:" prompt
    Then the screen shows "PROXY PASSW"
