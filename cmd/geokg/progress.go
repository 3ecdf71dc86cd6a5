package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/geokg/geokg/pipeline"
)

// progress tells how far an import is: a bar redrawn in place when
// standard error is a terminal, else a log line every so often. Either
// way it reads the job's summary and the bytes read against the input
// size, which gives the ETA.
type progress struct {
	now       func() time.Time
	start     time.Time
	bytesDone func() int64

	mu         sync.Mutex
	sum        pipeline.Summary
	total      int64 // input bytes; set once known
	totalKnown bool

	// Terminal mode.
	tty   io.Writer // the terminal; nil in log mode
	width func() int
	shown bool // a bar is on the screen's last line

	// Log mode.
	log *slog.Logger

	stop chan struct{}
	done chan struct{}
}

// isTerminal reports whether a standard stream is a terminal.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// terminalWidth returns w's width in columns, 80 when unknown.
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			return cols
		}
	}
	return 80
}

// startBar draws a progress bar on the terminal tty, redrawn every
// interval. Status lines must then be written through the progress (it is
// an io.Writer) so that they print above the bar.
func startBar(tty io.Writer, now func() time.Time, bytesDone func() int64, interval time.Duration) *progress {
	p := &progress{now: now, start: now(), bytesDone: bytesDone, tty: tty,
		width: func() int { return terminalWidth(tty) }}
	p.run(interval, p.redraw)
	return p
}

// startLog logs a progress line every interval.
func startLog(log *slog.Logger, now func() time.Time, bytesDone func() int64, interval time.Duration) *progress {
	p := &progress{now: now, start: now(), bytesDone: bytesDone, log: log}
	p.run(interval, p.logLine)
	return p
}

func (p *progress) run(interval time.Duration, tick func()) {
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(p.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				tick()
			case <-p.stop:
				return
			}
		}
	}()
}

// update records the job's latest summary.
func (p *progress) update(s pipeline.Summary) {
	p.mu.Lock()
	p.sum = s
	p.mu.Unlock()
}

// setTotal records the inputs' size once it is known.
func (p *progress) setTotal(n int64, known bool) {
	p.mu.Lock()
	p.total, p.totalKnown = n, known
	p.mu.Unlock()
}

// finish stops the updates and takes the bar off the screen.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		io.WriteString(p.tty, "\r\x1b[K")
		p.shown = false
	}
}

// Write prints status lines above the bar.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty == nil {
		return len(b), nil
	}
	if p.shown {
		io.WriteString(p.tty, "\r\x1b[K")
		p.shown = false
	}
	n, err := p.tty.Write(b)
	if err == nil {
		p.drawLocked()
	}
	return n, err
}

func (p *progress) redraw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.drawLocked()
}

func (p *progress) drawLocked() {
	line := p.barLine(p.width())
	io.WriteString(p.tty, "\r"+line+"\x1b[K")
	p.shown = true
}

// state computes the figures both modes show.
type progressState struct {
	sum      pipeline.Summary
	elapsed  time.Duration
	rate     float64 // articles/s
	fraction float64 // of the input bytes; <0 when unknown
	eta      time.Duration
}

func (p *progress) stateLocked() progressState {
	st := progressState{sum: p.sum, elapsed: p.now().Sub(p.start), fraction: -1, eta: -1}
	if secs := st.elapsed.Seconds(); secs > 0 {
		st.rate = float64(st.sum.Read) / secs
	}
	if p.totalKnown && p.total > 0 {
		done := p.bytesDone()
		st.fraction = min(float64(done)/float64(p.total), 1)
		if st.fraction >= 0.005 && st.elapsed > time.Second {
			st.eta = time.Duration(float64(st.elapsed) * (1 - st.fraction) / st.fraction)
		}
	}
	return st
}

// barLine renders the bar in width columns:
// " 45% [=========>          ] 1,234 articles · 37.2/s · ETA 1m23s · 2 failed".
func (p *progress) barLine(width int) string {
	st := p.stateLocked()
	var tail strings.Builder
	fmt.Fprintf(&tail, " %s articles · %.1f/s", thousands(st.sum.Read), st.rate)
	switch {
	case st.eta >= 0:
		fmt.Fprintf(&tail, " · ETA %s", shortDuration(st.eta))
	default:
		fmt.Fprintf(&tail, " · %s", shortDuration(st.elapsed))
	}
	if st.sum.Failed > 0 {
		fmt.Fprintf(&tail, " · %s failed", thousands(st.sum.Failed))
	}
	if st.sum.Skipped > 0 {
		fmt.Fprintf(&tail, " · %s skipped", thousands(st.sum.Skipped))
	}
	line := tail.String()
	if st.fraction >= 0 {
		barWidth := min(40, width-len([]rune(line))-8)
		if barWidth >= 10 {
			filled := int(st.fraction * float64(barWidth))
			bar := strings.Repeat("=", filled)
			if filled < barWidth {
				bar += ">" + strings.Repeat(" ", barWidth-filled-1)
			}
			line = fmt.Sprintf("%3.0f%% [%s]%s", 100*st.fraction, bar, line)
		} else {
			line = fmt.Sprintf("%3.0f%%%s", 100*st.fraction, line)
		}
	}
	if r := []rune(line); width > 1 && len(r) > width-1 {
		line = string(r[:width-1])
	}
	return line
}

// logLine logs the figures as one info line.
func (p *progress) logLine() {
	p.mu.Lock()
	st := p.stateLocked()
	p.mu.Unlock()
	args := []any{"articles", st.sum.Read, "skipped", st.sum.Skipped, "failed", st.sum.Failed,
		"rate", fmt.Sprintf("%.1f/s", st.rate), "elapsed", shortDuration(st.elapsed)}
	if st.fraction >= 0 {
		args = append(args, "done", fmt.Sprintf("%.0f%%", 100*st.fraction))
	}
	if st.eta >= 0 {
		args = append(args, "eta", shortDuration(st.eta))
	}
	p.log.Info("progress", args...)
}

// shortDuration prints 4.2s, 3m07s or 2h05m.
func shortDuration(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	d = d.Round(time.Second)
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}

// thousands prints n with comma separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
