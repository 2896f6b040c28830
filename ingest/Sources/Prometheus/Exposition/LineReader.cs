using System.Text;

namespace Pipeline.Ingest.Sources.Prometheus.Exposition;

/// <summary>A cursor over one exposition sample line: the metric name, then the <c>{...}</c> label set.</summary>
internal ref struct LineReader(string line)
{
    private int _position;

    public readonly char Peek() => _position < line.Length ? line[_position] : '\0';

    public string ReadName()
    {
        var start = _position;
        while (_position < line.Length && (char.IsAsciiLetterOrDigit(line[_position]) || line[_position] is '_' or ':')) _position++;
        return line[start.._position];
    }

    public Dictionary<string, string> ReadLabels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        _position++; // '{'
        while (true)
        {
            SkipSpaces();
            if (Peek() == '}') { _position++; return labels; }
            var name = ReadName();
            SkipSpaces();
            if (name.Length == 0 || Peek() != '=') throw new FormatException($"bad label at column {_position + 1}");
            _position++;
            SkipSpaces();
            labels[name] = ReadQuoted();
            SkipSpaces();
            if (Peek() == ',') _position++;
            else if (Peek() != '}') throw new FormatException($"expected ',' or '}}' at column {_position + 1}");
        }
    }

    public readonly string Rest() => line[_position..];

    private string ReadQuoted()
    {
        if (Peek() != '"') throw new FormatException($"expected '\"' at column {_position + 1}");
        _position++;
        var value = new StringBuilder();
        while (_position < line.Length && line[_position] != '"')
        {
            var c = line[_position++];
            if (c == '\\' && _position < line.Length)
            {
                var escaped = line[_position++];
                value.Append(escaped == 'n' ? '\n' : escaped);
            }
            else value.Append(c);
        }
        if (_position >= line.Length) throw new FormatException("unterminated label value");
        _position++;
        return value.ToString();
    }

    private void SkipSpaces()
    {
        while (_position < line.Length && line[_position] == ' ') _position++;
    }
}
