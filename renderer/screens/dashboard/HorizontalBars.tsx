// The dashboard's horizontal bar chart (recharts). Its own module so that recharts is
// loaded on demand, after the dashboard's numbers are on screen (see DashboardScreen).
import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useThemeColors, type ThemeColors } from './theme-colors';

export interface BarDatum {
  key: string;
  label: string;
  count: number;
}

export interface HorizontalBarsProps {
  data: readonly BarDatum[];
  /** The series name in the tooltip. */
  name: string;
  labelWidth: number;
  /** A colour per bar (from the theme's colours); the accent colour when left out. */
  colorOf?: (key: string, colors: ThemeColors) => string;
  onPick: (key: string) => void;
}

export default function HorizontalBars({ data, name, labelWidth, colorOf, onPick }: HorizontalBarsProps) {
  // Read here, not by the screen: reading the theme's colours makes the browser compute the
  // page's styles at once, which the screen's first drawing should not wait for.
  const colors = useThemeColors();
  // Room right of the longest bar for its count ("1000" was cut off with a fixed margin).
  const widest = Math.max(0, ...data.map((d) => String(d.count).length));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={[...data]} layout="vertical" margin={{ left: 8, right: 12 + 8 * widest, top: 4, bottom: 4 }}>
        <XAxis type="number" allowDecimals={false} hide />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fill: colors.text2, fontSize: 12 }} axisLine={false} tickLine={false} />
        <Tooltip cursor={{ fill: colors.surface2 }} contentStyle={{ background: colors.surface, border: `1px solid ${colors.border}`, color: colors.text }} />
        <Bar
          dataKey="count"
          name={name}
          fill={colors.accent}
          radius={[0, 4, 4, 0]}
          cursor="pointer"
          onClick={(d: { payload?: { key?: string } }) => {
            if (d.payload?.key) onPick(d.payload.key);
          }}
          label={{ position: 'right', fill: colors.text, fontSize: 12 }}
        >
          {colorOf ? data.map((d) => <Cell key={d.key} fill={colorOf(d.key, colors)} />) : null}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
