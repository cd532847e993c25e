@guide:remote-console-setup @needs-console-port
Feature: Remote Console Interface Set Up
  "The Remote Console interface supports remote configuration and management of the Scanner
  Appliance using a VT100 terminal, such as Windows HyperTerminal." The terminal (server) must be
  set to: Bits per second 9600, Data Bits 8, Parity None, Stop Bits 2 ("Note - Stop Bits must be
  set to 2"), Flow Control None, Terminal Emulation VT100. "Connect one end of the USB-to-RS232
  converter cable to a USB port on the Scanner Appliance". "In the case where the Scanner
  Appliance is already powered on, you must reboot the Scanner Appliance before taking the next
  step". "Press the ENTER key on the VT100 terminal's keyboard to display the Remote Console
  interface. You will notice the MAC address for the Scanner Appliance appears."

  @RCS-001 @RCS-002 @RCS-006 @RCS-007 @RCS-008 @RCS-009 @RCS-010 @RCS-011 @RCS-012 @RCS-016 @RCS-017 @BACK-008 @needs-power
  Scenario: With the required settings, ENTER displays the Remote Console interface and the MAC address
    Given the appliance is plugged in and switched off
    And a VT100 terminal set to "9600 8N2" is cabled to a USB port of the appliance
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    And the terminal shows nothing
    When I press ENTER on the terminal
    Then the terminal shows the MAC address of the appliance
    And the terminal shows "ACTIVATION CODE"
    And the terminal shows the same screen as the LCD

  @PWR-011 @ERRATA-212 @needs-power
  Scenario: After a restart the woken console goes on showing the appliance's screens
    Given the appliance is plugged in and switched off
    And a VT100 terminal set to "9600 8N2" is cabled to a USB port of the appliance
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    When I press ENTER on the terminal
    And I press DOWN on the terminal
    And I press DOWN on the terminal
    Then the terminal shows "SYSTEM REBOOT"
    When I press ENTER on the terminal
    And I press ENTER on the terminal
    Then the screen shows "Qualys Scanner is coming up..." within 3 minutes
    And the terminal shows "Qualys Scanner is coming up..."

  # Each required setting in turn set otherwise: what the terminal sends does not arrive as sent.
  @RCS-006 @RCS-007 @RCS-008 @RCS-009 @needs-power
  Scenario Outline: A terminal set to <settings> instead of 9600 8N2 cannot wake the Remote Console
    Given the appliance is plugged in and switched off
    And a VT100 terminal set to "<settings>" is cabled to a USB port of the appliance
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    When I press ENTER on the terminal
    Then the terminal shows nothing

    Examples: settings that differ from the guide's table
      | settings   | differs in                          |
      | 19200 8N2  | bits per second                     |
      | 4800 8N2   | bits per second                     |
      | 9600 7E1   | data bits, parity and stop bits     |
      | 9600 8O2   | parity                              |

  @RCS-006 @needs-power
  Scenario: A terminal set to another speed after the console woke gets garbage from the appliance
    Given the appliance is plugged in and switched off
    And a VT100 terminal set to "9600 8N2" is cabled to a USB port of the appliance
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    When I press ENTER on the terminal
    Then the terminal shows the same screen as the LCD
    When the terminal is set up with "19200 8N2"
    And I press DOWN
    Then the screen shows "SETUP NETWORK"
    And the terminal does not show the same screen as the LCD

  # A character sent with one stop bit straight after another meets the appliance's second stop
  # bit with the next start bit: a framing error. A key alone (ENTER) gets through; an arrow key
  # (three characters back to back) does not.
  @RCS-009 @ERRATA-213 @needs-power
  Scenario: "Stop Bits must be set to 2": with one stop bit the terminal's arrow keys do not work
    Given the appliance is plugged in and switched off
    And a VT100 terminal set to "9600 8N1" is cabled to a USB port of the appliance
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    When I press ENTER on the terminal
    Then the terminal shows "ACTIVATION CODE"
    When I press DOWN on the terminal
    Then the screen shows "ACTIVATION CODE"
    And the terminal does not show "SETUP NETWORK"

  @RCS-013 @RCS-014 @RCS-015 @RCS-016 @needs-power
  Scenario: A console cabled while the appliance is already on works only after the reboot
    Given the appliance shows the ACTIVATION CODE screen
    And a VT100 terminal set to "9600 8N2" is cabled to a USB port of the appliance
    When I press ENTER on the terminal
    Then the terminal shows nothing
    When I press DOWN until "SYSTEM REBOOT" appears
    And I press ENTER
    And I note the time
    And I press ENTER
    Then the screen shows "ACTIVATION CODE" within 3 minutes
    And it took 0 to 3 minutes from the noted time
    When I press ENTER on the terminal
    Then the terminal shows the MAC address of the appliance
    And the terminal shows "ACTIVATION CODE"

  # "Uploading such a file will result in lost characters and incorrect configuration."
  @RCS-004 @RCS-005 @needs-power
  Scenario: Characters of a keystroke file uploaded at once are lost
    Given the appliance is plugged in and switched off
    And a VT100 terminal set to "9600 8N2" is cabled to a USB port of the appliance
    And the "PROXY USER:" prompt is shown
    When I press ENTER on the terminal
    And I paste "abcdefghijklmnopqrstuvwxyz012345" into the terminal at once
    Then the field does not read "qrstuvwxyz012345"
    And the terminal shows the same screen as the LCD

  @RCS-004 @RCS-005 @needs-power
  Scenario: The same characters typed one at a time all arrive
    Given the appliance is plugged in and switched off
    And a VT100 terminal set to "9600 8N2" is cabled to a USB port of the appliance
    And the "PROXY USER:" prompt is shown
    When I press ENTER on the terminal
    And I type "abcdefghijklmnopqrstuvwxyz012345" on the terminal
    Then the field reads "qrstuvwxyz012345"
    And the terminal shows the same screen as the LCD
