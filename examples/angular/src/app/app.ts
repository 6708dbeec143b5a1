import { Component, signal } from '@angular/core';
import { HandGestures } from './hand-gestures';
import { Teach } from './teach';

@Component({
  selector: 'app-root',
  imports: [HandGestures, Teach],
  template: `
    <h1>posestream + Angular</h1>
    <p>
      <button id="toggle" (click)="on.set(!on())">{{ on() ? 'Stop' : 'Start' }}</button>
      <button id="teach-page" (click)="teach.set(!teach())">{{ teach() ? 'Gestures' : 'Teach' }}</button>
    </p>
    @if (on()) {
      @if (teach()) {
        <app-teach />
      } @else {
        <app-hand-gestures />
      }
    }
  `,
})
export class App {
  protected readonly on = signal(true);
  protected readonly teach = signal(new URLSearchParams(location.search).has('teach'));
}
