@guide:remote-console-ui @needs-console-port @needs-power
Feature: The Remote Console offers the LCD's menus and navigation
  "Both the LCD display and Remote Console offer the same functionality and share the same menus
  and navigation (ENTER key and arrows) for a consistent user experience." In the Navigation
  Indicators table, each LCD button has its Remote Console key (ENTER, RIGHT, LEFT, UP, DOWN).
  "Using the Remote Console interface you have the option to use the Up and Down arrows or to use
  your keyboard to enter characters."

  Background:
    Given the appliance is plugged in and switched off
    And a VT100 terminal set to "9600 8N2" is cabled to a USB port of the appliance
    And the appliance has been activated by user "jdoe"
    When I press ENTER on the terminal

  @RCUI-001 @RCUI-004
  Scenario: The terminal's keys move through the same menus as the keypad, and each shows on the other
    When I press ENTER on the terminal
    Then the terminal shows "SETUP NETWORK"
    And the screen shows "SETUP NETWORK"
    When I press DOWN on the terminal
    Then the screen shows "SYSTEM REBOOT"
    And the terminal shows the same screen as the LCD
    When I press UP
    Then the terminal shows "SETUP NETWORK"
    And the terminal shows the same screen as the LCD

  @RCUI-004
  Scenario: ENTER, RIGHT, LEFT, UP and DOWN on the terminal act as the keypad's buttons in a field
    When I press ENTER on the terminal
    And I press ENTER on the terminal
    And I press DOWN on the terminal
    And I press DOWN on the terminal
    And I press ENTER on the terminal
    Then the terminal shows "CFG LAN STATIC NETWORK PARAMS?"
    When I press ENTER on the terminal
    Then the terminal shows "LAN IP ADDR"
    And the terminal field reads "198.018.010.020"
    When I press RIGHT on the terminal
    And I press RIGHT on the terminal
    And I press UP on the terminal
    Then the terminal field reads "199.018.010.020"
    And the terminal shows the same screen as the LCD
    When I press LEFT on the terminal
    And I press DOWN on the terminal
    Then the terminal field reads "189.018.010.020"
    And the terminal shows the same screen as the LCD

  @RCUI-002 @RCUI-003
  Scenario: Characters typed on the terminal's keyboard enter a text field; characters the field does not allow do not
    When I press ENTER on the terminal
    And I press ENTER on the terminal
    And I press DOWN on the terminal
    And I press DOWN on the terminal
    And I press DOWN on the terminal
    And I press ENTER on the terminal
    And I press ENTER on the terminal
    And I press ENTER on the terminal
    And I press ENTER on the terminal
    Then the terminal shows "PROXY USER:"
    When I type "CORP\jdoe#" on the terminal
    Then the terminal field reads "CORP\jdoe"
    And the terminal shows the same screen as the LCD

  @RCUI-002 @RCUI-003
  Scenario: Digits typed on the terminal's keyboard enter a numeric field
    When I press ENTER on the terminal
    And I press ENTER on the terminal
    And I press DOWN on the terminal
    And I press ENTER on the terminal
    Then the terminal shows "VLAN 0-4094"
    When I type "0123" on the terminal
    Then the terminal field reads "0123"
    And the screen shows "VLAN 0-4094"
    And the field reads "0123"
