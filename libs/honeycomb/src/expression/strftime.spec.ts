import { strftime } from './strftime.js';

/** Expected strings are what C's strftime (glibc, via Python's time.strftime) prints for the same UTC times. */
describe('strftime', () => {
  it.each([
    [Date.UTC(2021, 0, 1), '%U %W %V %j', '00 00 53 001'],
    [Date.UTC(2020, 11, 31), '%U %W %V %j', '52 52 53 366'],
    [Date.UTC(2024, 11, 30), '%U %W %V %j', '52 53 01 365'],
    [Date.UTC(2017, 0, 1), '%U %W %V %j', '01 00 52 001'],
    [Date.UTC(2017, 6, 20, 23, 5, 9), '%a %b %e %H:%M:%S %Y', 'Thu Jul 20 23:05:09 2017'],
    [Date.UTC(2017, 6, 20, 0, 5, 9), '%I %l %p %r', '12 12 AM 12:05:09 AM'],
    [Date.UTC(2017, 6, 2), '%D %F %x %C %y %k|%n|%t|%Z %z %q', '07/02/17 2017-07-02 07/02/17 20 17  0|\n|\t|UTC +0000 %q'],
  ])('%s formats %s as %j', (ms, format, expected) => {
    expect(strftime(format, ms / 1000)).toBe(expected);
  });
});
