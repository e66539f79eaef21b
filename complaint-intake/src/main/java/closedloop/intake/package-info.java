/** complaint-intake: registers complaints, numbers them, keeps their timeline and decides close or reopen. */
package closedloop.intake;
