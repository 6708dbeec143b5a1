import { Component, signal } from '@angular/core';
import { HandGestures } from './hand-gestures';

@Component({
  selector: 'app-root',
  imports: [HandGestures],
  template: `
    <h1>posestream + Angular</h1>
    <p><button id="toggle" (click)="on.set(!on())">{{ on() ? 'Stop' : 'Start' }}</button></p>
    @if (on()) {
      <app-hand-gestures />
    }
  `,
})
export class App {
  protected readonly on = signal(true);
}
